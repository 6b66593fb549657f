package org.maildoctor.bounce.mime;

import jakarta.mail.internet.MimeUtility;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Text helpers that never throw: encoded words, charsets, line ends, HTML to text. */
public final class MimeText {

    private static final Pattern TAG = Pattern.compile("(?is)<(script|style)[^>]*>.*?</\\1>|<br\\s*/?>|</?(p|div|tr|li|h\\d)[^>]*>|<[^>]+>");

    // compiled once: String.replaceAll compiles its regex on every call
    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t]+\n");
    private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");

    private MimeText() {
    }

    /** RFC 2047 encoded words decoded; the input unchanged where they are malformed. */
    public static String decodeWords(String value) {
        if (value == null || !value.contains("=?")) {
            return value == null ? "" : value;
        }
        try {
            return MimeUtility.decodeText(value);
        } catch (Exception | Error e) {
            return value;
        }
    }

    /** Bytes in the named charset; UTF-8 when the name is unknown, Latin-1 when even that is not valid. */
    public static String decode(byte[] bytes, String charsetName) {
        return decode(bytes, 0, bytes.length, charsetName);
    }

    /** {@link #decode(byte[], String)} of {@code bytes[off, off + len)}, without copying the slice first. */
    static String decode(byte[] bytes, int off, int len, String charsetName) {
        Charset cs = charset(charsetName);
        if (cs != null) {
            return new String(bytes, off, len, cs);
        }
        String utf8 = new String(bytes, off, len, StandardCharsets.UTF_8);
        return utf8.indexOf('\uFFFD') >= 0 ? new String(bytes, off, len, StandardCharsets.ISO_8859_1) : utf8;
    }

    /** {@code decode(toLf(slice), charsetName)}: a slice without CR is decoded in place. */
    static String decodeLf(byte[] bytes, int off, int len, String charsetName) {
        int cr = Bytes.indexOf(bytes, (byte) '\r', off, off + len);
        if (cr < 0) {
            return decode(bytes, off, len, charsetName);
        }
        byte[] lf = toLf(bytes, off, off + len, cr);
        return decode(lf, charsetName);
    }

    /** Charset names seen so far and what they resolve to; bounded, since names come from the input. */
    private static final java.util.Map<String, java.util.Optional<Charset>> CHARSETS =
            new java.util.concurrent.ConcurrentHashMap<>();

    static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        // MimeUtility.javaCharset and the Charset lookup cost more than decoding a short part
        java.util.Optional<Charset> known = CHARSETS.get(name);
        if (known != null) {
            return known.orElse(null);
        }
        Charset cs = lookUp(name);
        if (CHARSETS.size() < 256) {
            CHARSETS.put(name, java.util.Optional.ofNullable(cs));
        }
        return cs;
    }

    private static Charset lookUp(String name) {
        try {
            String javaName = MimeUtility.javaCharset(name.strip().replace("\"", ""));
            return Charset.isSupported(javaName) ? Charset.forName(javaName) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * CRLF and bare CR to LF: the corpus has all three, and every rule below reads LF. Returns {@code raw}
     * itself when it has no CR (most messages: one fast scan instead of a copy); callers never write to it.
     */
    public static byte[] toLf(byte[] raw) {
        int cr = Bytes.indexOf(raw, (byte) '\r', 0, raw.length);
        return cr < 0 ? raw : toLf(raw, 0, raw.length, cr);
    }

    /** {@code raw[from, to)} with line ends made LF, {@code cr} being the first CR in it; runs between CRs copied whole. */
    private static byte[] toLf(byte[] raw, int from, int to, int cr) {
        byte[] out = new byte[to - from];
        int n = 0;
        int i = from;
        while (cr >= 0) {
            System.arraycopy(raw, i, out, n, cr - i);
            n += cr - i;
            out[n++] = '\n';
            i = cr + 1;
            if (i < to && raw[i] == '\n') {
                i++;
            }
            cr = Bytes.indexOf(raw, (byte) '\r', i, to);
        }
        System.arraycopy(raw, i, out, n, to - i);
        n += to - i;
        return java.util.Arrays.copyOf(out, n);
    }

    /** Crude HTML to text for notices that come only as HTML: tags to line breaks, entities decoded. */
    public static String htmlToText(String html) {
        String t = TAG.matcher(html).replaceAll("\n");
        t = t.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        return BLANK_LINES.matcher(TRAILING_SPACE.matcher(t).replaceAll("\n")).replaceAll("\n\n");
    }
}
