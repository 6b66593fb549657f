package org.maildoctor.bounce.mime;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.internet.MimePart;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.maildoctor.text.Bytes;

/**
 * Bytes to {@link Mail} with Jakarta Mail's MIME parser (no transport: a Session with no store or
 * transport configured). Lenient everywhere, because bounces are written by every kind of software:
 * broken boundaries, unknown charsets and transfer encodings, bad base64. Never throws.
 */
public final class MailDecoder {

    /** Deeper nesting than this is a bounce of a bounce of a bounce; stop there instead of recursing forever. */
    private static final int MAX_DEPTH = 8;
    private static final int MAX_PARTS = 200;
    static final int MAX_TEXT = 128 * 1024;

    private static final byte[] BLANK_LINE = {'\n', '\n'};
    private static final byte[] FROM_LINE = "From ".getBytes(StandardCharsets.ISO_8859_1);

    static {
        // MimeText decodes words with Jakarta Mail's decoders before any message needs the session below
        org.maildoctor.mime.JakartaMail.nameStreamProvider();
    }

    /**
     * The session of the messages that {@link FastMime} leaves to Jakarta Mail, made on the first of them: a
     * Session looks up mail providers and sets up java.util.logging, ~10 ms of a run's start that most runs need not pay.
     */
    private static final class Jakarta {
        static final Session SESSION = session();
    }

    private static Session session() {
        Properties p = new Properties();
        p.setProperty("mail.mime.address.strict", "false");
        p.setProperty("mail.mime.decodetext.strict", "false");
        p.setProperty("mail.mime.parameters.strict", "false");
        p.setProperty("mail.mime.ignoreunknownencoding", "true");
        p.setProperty("mail.mime.base64.ignoreerrors", "true");
        p.setProperty("mail.mime.uudecode.ignoreerrors", "true");
        // No mail.mime.multipart.* here: MimeMultipart reads those from system properties only, so a session's had no
        // effect. Their defaults hold (a missing end boundary or boundary parameter tolerated, no empty multipart),
        // and FastMime reads multiparts by them.
        p.setProperty("mail.mime.allowutf8", "true");
        return org.maildoctor.mime.JakartaMail.parsingSession(p);
    }

    private MailDecoder() {
    }

    /** {@code raw} with any line ends; the caller has checked it is not empty. */
    public static Mail decode(byte[] raw) {
        return decode(raw, true);
    }

    /** {@code fast}: try {@link FastMime} first; false only for tests that compare it with Jakarta Mail. */
    static Mail decode(byte[] raw, boolean fast) {
        int cr = Bytes.indexOf(raw, (byte) '\r', 0, raw.length);
        byte[] lf = cr < 0 ? raw : MimeText.toLf(raw, 0, raw.length, cr);
        int blank = Bytes.indexOf(lf, BLANK_LINE, 0, lf.length);
        int headerEnd = blank < 0 ? lf.length : blank + 1;
        String headerText = MimeText.decode(lf, 0, headerEnd, "UTF-8");
        // as many chars as bytes: each char is one byte (a UTF-8 sequence of more bytes makes fewer chars)
        Headers headers = Headers.parse(headerText, headerText.length() == headerEnd ? lf : null, 0);
        Collector c = new Collector();
        int start = messageStart(lf);
        String walked = fast ? FastMime.walk(lf, start, c) : null;
        String contentType = walked == null ? "" : lower(walked);
        try {
            if (walked == null) {
                MimeMessage m = new MimeMessage(Jakarta.SESSION, new UnsyncSharedStream(
                        start == 0 ? lf : java.util.Arrays.copyOfRange(lf, start, lf.length)));
                contentType = lower(m.getContentType());
                c.walk(m, 0, false);
            }
        } catch (Exception | StackOverflowError e) {
            c.bodyAsText(e.getClass().getSimpleName(), lf, blank);
        }
        if (c.noStartBoundary) {
            // where Jakarta Mail's MimeMultipart throws "Missing start boundary"
            c.bodyAsText(jakarta.mail.internet.ParseException.class.getSimpleName(), lf, blank);
        }
        String text = String.join("", c.text); // sized once, where a StringBuilder grew and was copied again
        if (text.isEmpty()) {
            text = MimeText.htmlToText(c.html());
        }
        if (text.length() > MAX_TEXT) {
            // A notice is a few kilobytes; the rest is an attachment pasted inline. Cutting bounds
            // the work of every rule that scans the text.
            text = text.substring(0, MAX_TEXT);
            c.warnings.add("notice text longer than " + MAX_TEXT + " characters; only the start was read");
        }
        return new Mail(headers, text, c.deliveryStatus, c.feedback.toString(),
                Headers.parse(c.returned, c.returnedImage, c.returnedOff), c.returned, contentType, c.warnings);
    }

    /** Where the message starts: after an mbox "From " line, else 0. */
    private static int messageStart(byte[] lf) {
        if (lf.length > 5 && Bytes.startsWith(lf, FROM_LINE)) {
            int nl = Bytes.indexOf(lf, (byte) '\n', 0, lf.length);
            if (nl > 0) {
                return nl + 1;
            }
        }
        return 0;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    /** A leaf's bytes (possibly a slice of the message's array, which nothing writes to) and its charset. */
    private record Slice(byte[] bytes, int off, int len, String charset) {
    }

    /** Walks the MIME tree once, sorting each leaf into notice text, report parts or the returned message. */
    private static final class Collector implements FastMime.Leaves {
        /** The notice text in pieces: each text leaf and its line end. */
        final List<String> text = new ArrayList<>();
        /** text/html leaves, decoded only when there is no text/plain one (the only case their text is read). */
        final List<Slice> html = new ArrayList<>();
        final List<String> deliveryStatus = new ArrayList<>();
        final StringBuilder feedback = new StringBuilder();
        String returned = "";
        /** The bytes {@link #returned} was decoded from when it has one char per byte (see Headers.parse), else null. */
        byte[] returnedImage;
        int returnedOff;
        final List<String> warnings = new ArrayList<>();
        int parts;
        boolean noStartBoundary;

        @Override
        public void noStartBoundary() {
            noStartBoundary = true;
        }

        /** What is left when Jakarta Mail's walk throws: a warning naming the exception, and the whole body as text. */
        void bodyAsText(String exception, byte[] lf, int blank) {
            warnings.add("MIME structure could not be read (" + exception + "); reading the body as text");
            text.clear();
            text.add(blank < 0 ? "" : MimeText.decode(lf, blank + 2, lf.length - blank - 2, "UTF-8"));
        }

        void walk(MimePart part, int depth, boolean insideReturned) throws MessagingException, IOException {
            if (++parts > MAX_PARTS || depth > MAX_DEPTH) {
                if (parts == MAX_PARTS + 1 || depth == MAX_DEPTH + 1) {
                    warnings.add("too many or too deeply nested MIME parts; the rest is ignored");
                }
                return;
            }
            String type = typeOf(part);
            if (type.startsWith("multipart/")) {
                MimeMultipart mp = new MimeMultipart(new MimePartDataSource(part));
                int n = mp.getCount();
                for (int i = 0; i < n; i++) {
                    BodyPart bp = mp.getBodyPart(i);
                    if (bp instanceof MimePart child) {
                        walk(child, depth + 1, insideReturned);
                    }
                }
                return;
            }
            if (insideReturned || !wants(type)) {
                return;
            }
            byte[] bytes = bytes(part);
            leaf(type, charset(part), bytes, 0, bytes.length, false);
        }

        private static final java.util.Set<String> RETURNED = java.util.Set.of("message/rfc822", "message/global",
                "text/rfc822-headers", "message/rfc822-headers", "message/global-headers");

        @Override
        public boolean wants(String type) {
            return type.startsWith("text/") || type.isEmpty() || RETURNED.contains(type) || type.equals("message/feedback-report")
                    || type.equals("message/delivery-status") || type.equals("message/global-delivery-status");
        }

        @Override
        public void leaf(String type, String charset, byte[] bytes, int off, int len, boolean lfOnly) {
            switch (type) {
                case "message/delivery-status", "message/global-delivery-status" ->
                    deliveryStatus.add(MimeText.decode(bytes, off, len, "UTF-8"));
                case "message/feedback-report" -> feedback.append(MimeText.decode(bytes, off, len, "UTF-8"));
                case "message/rfc822", "message/global", "text/rfc822-headers", "message/rfc822-headers",
                     "message/global-headers" -> {
                    if (returned.isEmpty()) {
                        returned = lfOnly ? MimeText.decode(bytes, off, len, "UTF-8") : MimeText.decodeLf(bytes, off, len, "UTF-8");
                        returnedImage = lfOnly && returned.length() == len ? bytes : null;
                        returnedOff = off;
                    }
                }
                case "text/html" -> html.add(new Slice(bytes, off, len, charset));
                default -> {
                    text.add(lfOnly ? MimeText.decode(bytes, off, len, charset) : MimeText.decodeLf(bytes, off, len, charset));
                    text.add("\n");
                }
            }
        }

        /** The text/html leaves decoded and joined, each followed by a line end. */
        String html() {
            StringBuilder sb = new StringBuilder();
            for (Slice h : html) {
                sb.append(MimeText.decodeLf(h.bytes, h.off, h.len, h.charset)).append('\n');
            }
            return sb.toString();
        }

        /**
         * A message/* leaf in base64 or quoted-printable. Jakarta Mail leaves those encoded (RFC 2046 forbids
         * encoding message/rfc822, but RFC 6533 allows it for the global-* types, and MTAs do encode
         * delivery-status parts); decoding them gives the same bytes as the FastMime walk.
         */
        private static boolean encodedMessage(MimePart part) throws MessagingException {
            String enc = part.getEncoding();
            return part instanceof jakarta.mail.internet.MimeBodyPart && enc != null
                    && (enc.strip().equalsIgnoreCase("base64") || enc.strip().equalsIgnoreCase("quoted-printable"))
                    && typeOf(part).startsWith("message/");
        }

        /** The part's base type, lower-cased, as {@link FastMime#jakartaContentType} reads its Content-Type. */
        private static String typeOf(Part part) {
            String ct = contentType(part);
            return ct == null ? "text/plain" : FastMime.jakartaContentType(ct, new java.util.HashMap<>());
        }

        /** The part's charset parameter, as {@link FastMime#jakartaContentType} reads it; null without one. */
        private static String charset(MimePart part) {
            String ct = contentType(part);
            java.util.Map<String, String> params = new java.util.HashMap<>();
            if (ct != null) {
                FastMime.jakartaContentType(ct, params);
            }
            return params.get("charset");
        }

        /** The Content-Type value Jakarta Mail reports, or null when there is none or it cannot be had. */
        private static String contentType(Part part) {
            try {
                return part.getContentType();
            } catch (Exception e) {
                return null;
            }
        }

        private byte[] bytes(MimePart part) {
            try (InputStream in = encodedMessage(part) ? jakarta.mail.internet.MimeUtility.decode(
                    ((jakarta.mail.internet.MimeBodyPart) part).getRawInputStream(), part.getEncoding().strip())
                    : part.getInputStream()) {
                return in.readAllBytes();
            } catch (Exception e) {
                warnings.add("a part could not be decoded (" + e.getClass().getSimpleName() + "); read raw");
                try (InputStream in = ((jakarta.mail.internet.MimeBodyPart) part).getRawInputStream()) {
                    return in.readAllBytes();
                } catch (Exception | Error e2) {
                    return new byte[0];
                }
            }
        }
    }
}
