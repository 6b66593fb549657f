package org.maildoctor.web;

import io.javalin.http.Context;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an uploaded bounce from a request: the raw body ({@code message/rfc822}, {@code application/mbox},
 * text, JSON) or the parts of {@code multipart/form-data} (files and a pasted {@code message} field).
 * The body is read from the servlet stream with a hard size limit, so an oversized upload is refused
 * with 413 before it fills memory, whether or not it declared its length.
 */
final class Upload {

    /** One uploaded input: a file name (or a field name) and its bytes. */
    record Part(String name, byte[] bytes) {
    }

    private Upload() {
    }

    static List<Part> read(Context ctx, long limit, String bodyName) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            throw tooLarge(limit);
        }
        byte[] body;
        try (InputStream in = ctx.req().getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        } catch (IOException e) {
            throw ProblemException.badRequest("the request body could not be read: " + e.getMessage());
        }
        if (body.length > limit) {
            throw tooLarge(limit);
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        if (!type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return body.length == 0 ? List.of() : List.of(new Part(bodyName, body));
        }
        return parts(body, type);
    }

    private static List<Part> parts(byte[] body, String type) {
        List<Part> out = new ArrayList<>();
        try {
            MimeMultipart mp = new MimeMultipart(new ByteArrayDataSource(body, type));
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart p = mp.getBodyPart(i);
                String[] cd = p.getHeader("Content-Disposition");
                ContentDisposition disposition = new ContentDisposition(cd == null || cd.length == 0 ? "form-data" : cd[0]);
                String file = disposition.getParameter("filename");
                String field = disposition.getParameter("name");
                byte[] bytes;
                // raw bytes: a browser labels an .eml part message/rfc822, which must not be re-parsed here
                try (InputStream in = ((MimeBodyPart) p).getRawInputStream()) {
                    bytes = in.readAllBytes();
                }
                if (bytes.length == 0) {
                    continue; // an empty file input or an empty text area
                }
                out.add(new Part(file != null && !file.isBlank() ? file : field == null ? "part-" + (i + 1) : field, bytes));
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            throw ProblemException.badRequest("the multipart/form-data body could not be read: " + e.getMessage());
        }
        return out;
    }

    static ProblemException tooLarge(long limit) {
        return new ProblemException(413, "upload larger than " + (limit / (1024 * 1024)) + " MB; split the mbox, or use "
                + "'maildoctor bounce parse' on the command line, which streams files of any size");
    }
}
