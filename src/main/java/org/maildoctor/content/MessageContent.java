package org.maildoctor.content;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * A message read once for every content and header check: the header fields (unfolded, encoded
 * words decoded), the text/plain and text/html bodies, the attachments and what was wrong with the
 * MIME structure. Lenient: a message that Jakarta Mail cannot take apart still yields its headers and
 * its body as text, plus a {@link #mimeProblem()}. Never throws.
 *
 * @param headers       every header field, top to bottom
 * @param text          the text/plain parts, joined
 * @param html          the text/html parts, joined
 * @param htmlBytes     decoded size of the HTML (what Gmail's 102 KB clipping counts)
 * @param attachments   attachments and inline non-text parts
 * @param mimeProblem   why the MIME structure is broken, if it is
 * @param rawHeader8bit a header field holds raw 8-bit bytes (neither RFC 2047 nor declared SMTPUTF8)
 */
public record MessageContent(List<Header> headers, String text, String html, int htmlBytes,
                             List<Attachment> attachments, Optional<String> mimeProblem, boolean rawHeader8bit) {

    /** A header field; {@code value} is unfolded and has RFC 2047 encoded words decoded. */
    public record Header(String name, String value) {
    }

    /** A non-text part: its file name (may be empty) and lower-case content type. */
    public record Attachment(String filename, String contentType, boolean inline) {
    }

    /** Larger bodies add nothing to the verdict but cost time on every rule. */
    static final int MAX_TEXT = 512 * 1024;
    private static final int MAX_PARTS = 100;
    private static final int MAX_DEPTH = 8;
    private static final Session SESSION;

    static {
        // skips Jakarta Mail 2.1's ServiceLoader scan per header block, multipart and decoder (most of
        // the parse time here too); the reasoning is at bounce.mime.MailDecoder, which does the same
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
        Properties p = new Properties();
        p.setProperty("mail.mime.address.strict", "false");
        p.setProperty("mail.mime.decodetext.strict", "false");
        p.setProperty("mail.mime.parameters.strict", "false");
        p.setProperty("mail.mime.ignoreunknownencoding", "true");
        p.setProperty("mail.mime.base64.ignoreerrors", "true");
        p.setProperty("mail.mime.multipart.ignoremissingendboundary", "false");
        p.setProperty("mail.mime.multipart.allowempty", "true");
        p.setProperty("mail.mime.allowutf8", "true");
        SESSION = org.maildoctor.mime.JakartaMail.parsingSession(p); // without the per-message provider scan
    }

    public MessageContent {
        headers = List.copyOf(headers);
        attachments = List.copyOf(attachments);
    }

    /** All values of a header field, case-insensitively by name. */
    public List<String> all(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).toList();
    }

    public Optional<String> first(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
    }

    public String subject() {
        return first("Subject").orElse("");
    }

    /** An HTML-only body for the template checker's paste box. */
    public static MessageContent ofHtml(String html) {
        return new MessageContent(List.of(new Header("Content-Type", "text/html; charset=utf-8")), "", html,
                html.getBytes(StandardCharsets.UTF_8).length, List.of(), Optional.empty(), false);
    }

    /** Reads raw message bytes (any line ends). */
    public static MessageContent parse(byte[] raw) {
        int split = headerEnd(raw);
        byte[] headerBytes = java.util.Arrays.copyOf(raw, split);
        boolean eightBit = false;
        for (byte b : headerBytes) {
            if (b < 0) {
                eightBit = true;
                break;
            }
        }
        List<Header> headers = parseHeaders(new String(headerBytes, StandardCharsets.UTF_8));
        Walker w = new Walker();
        try {
            MimeMessage m = new MimeMessage(SESSION, new SharedByteArrayInputStream(raw));
            w.walk(m, 0);
        } catch (Exception | StackOverflowError e) {
            w.problem = "the MIME structure could not be read: " + describe(e);
            w.text.setLength(0);
            w.html.setLength(0);
            String body = new String(raw, split, raw.length - split, StandardCharsets.UTF_8);
            w.text.append(body, 0, Math.min(body.length(), MAX_TEXT));
        }
        String html = w.html.toString();
        return new MessageContent(headers, w.text.toString(), html, html.getBytes(StandardCharsets.UTF_8).length,
                w.attachments, Optional.ofNullable(w.problem), eightBit);
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** Offset of the blank line ending the header (or the whole input when there is none). */
    static int headerEnd(byte[] raw) {
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != '\n') {
                continue;
            }
            int j = i + 1;
            if (j < raw.length && raw[j] == '\r') {
                j++;
            }
            if (j < raw.length && raw[j] == '\n') {
                return j + 1;
            }
            if (j >= raw.length) {
                return raw.length;
            }
        }
        return raw.length;
    }

    static List<Header> parseHeaders(String block) {
        List<Header> out = new ArrayList<>();
        String name = null;
        StringBuilder value = new StringBuilder();
        // lines split by hand: String.split's regex was a profile hot spot; CRLF, LF and CR end a line
        int pos = 0;
        int len = block.length();
        while (pos <= len) {
            int eol = pos;
            while (eol < len && block.charAt(eol) != '\n' && block.charAt(eol) != '\r') {
                eol++;
            }
            String line = block.substring(pos, eol);
            pos = eol < len && block.charAt(eol) == '\r' && eol + 1 < len && block.charAt(eol + 1) == '\n'
                    ? eol + 2 : eol + 1;
            if (line.isEmpty()) {
                break;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
                value.append(' ').append(line.strip());
                continue;
            }
            if (name != null) {
                out.add(new Header(name, decodeWords(value.toString().strip())));
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || line.substring(0, colon).chars().anyMatch(c -> c <= 32 || c >= 127)) {
                name = null; // not a header field (e.g. an mbox "From " line): ignored
                continue;
            }
            name = line.substring(0, colon);
            value.setLength(0);
            value.append(line.substring(colon + 1));
        }
        if (name != null) {
            out.add(new Header(name, decodeWords(value.toString().strip())));
        }
        return out;
    }

    private static String decodeWords(String v) {
        if (!v.contains("=?")) {
            return v;
        }
        try {
            return MimeUtility.decodeText(v);
        } catch (Exception e) {
            return v;
        }
    }

    private static final class Walker {
        final StringBuilder text = new StringBuilder();
        final StringBuilder html = new StringBuilder();
        final List<Attachment> attachments = new ArrayList<>();
        String problem;
        int parts;

        void walk(MimePart part, int depth) throws MessagingException, IOException {
            if (++parts > MAX_PARTS || depth > MAX_DEPTH) {
                return;
            }
            String type = type(part);
            String disposition = lower(part.getDisposition());
            String filename = filename(part);
            if (type.startsWith("multipart/")) {
                Object content = part.getContent();
                if (!(content instanceof MimeMultipart mp)) {
                    problem = "a " + type + " part is not a multipart body";
                    return;
                }
                if (!mp.isComplete()) {
                    problem = "the " + type + " part has no closing boundary (RFC 2046 5.1.1)";
                }
                for (int i = 0; i < mp.getCount(); i++) {
                    BodyPart bp = mp.getBodyPart(i);
                    if (bp instanceof MimePart child) {
                        walk(child, depth + 1);
                    }
                }
                if (mp.getCount() == 0) {
                    problem = "the " + type + " part has no body parts";
                }
                return;
            }
            boolean attached = Part.ATTACHMENT.equals(disposition) || !filename.isEmpty();
            if (!attached && type.equals("text/plain")) {
                append(text, body(part));
            } else if (!attached && type.equals("text/html")) {
                append(html, body(part));
            } else {
                attachments.add(new Attachment(filename, type, Part.INLINE.equals(disposition)));
            }
        }

        private static void append(StringBuilder sb, String s) {
            if (sb.length() < MAX_TEXT) {
                sb.append(s, 0, Math.min(s.length(), MAX_TEXT - sb.length())).append('\n');
            }
        }

        private static String filename(MimePart part) {
            try {
                String f = part.getFileName();
                return f == null ? "" : f;
            } catch (MessagingException e) {
                return "";
            }
        }

        private static String type(MimePart part) {
            try {
                String ct = part.getContentType();
                return ct == null ? "text/plain" : new ContentType(ct).getBaseType().toLowerCase(Locale.ROOT);
            } catch (Exception e) {
                return "text/plain";
            }
        }

        private static String body(MimePart part) throws MessagingException, IOException {
            String charset = "UTF-8";
            try {
                String c = new ContentType(part.getContentType()).getParameter("charset");
                if (c != null && Charset.isSupported(MimeUtility.javaCharset(c))) {
                    charset = MimeUtility.javaCharset(c);
                }
            } catch (Exception e) {
                // unknown or malformed charset: read as UTF-8
            }
            try (InputStream in = part.getInputStream()) {
                byte[] b = in.readNBytes(MAX_TEXT * 2);
                return new String(b, Charset.forName(charset));
            }
        }

        private static String lower(String s) {
            return s == null ? "" : s.toLowerCase(Locale.ROOT);
        }
    }
}
