package org.maildoctor.bounce.mime;

import jakarta.mail.internet.MimeUtility;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.maildoctor.text.Bytes;

/** Text helpers that never throw: encoded words, charsets, line ends, HTML to text. */
public final class MimeText {

    private MimeText() {
    }

    /** RFC 2047 encoded words decoded; the input unchanged where they are malformed. */
    public static String decodeWords(String value) {
        if (value == null || !value.contains("=?")) {
            return value == null ? "" : value;
        }
        try {
            return STRICT ? decodeText(value) : MimeUtility.decodeText(value);
        } catch (Exception | Error e) {
            return value;
        }
    }

    /** MimeUtility's {@code decodeStrict}: its system property, read as Jakarta Mail reads it (default true). */
    private static final boolean STRICT = !"false".equalsIgnoreCase(System.getProperty("mail.mime.decodetext.strict"));

    /**
     * {@link MimeUtility#decodeText} in its default strict mode, word for word: blank-separated words, each
     * decoded by {@link MimeUtility#decodeWord} when it opens with "=?", the blanks between two encoded words
     * dropped (RFC 2047 section 6.2). Jakarta Mail passes every word to decodeWord, which throws (and fills in a
     * stack trace for) each one that does not open with "=?", such as the address after an encoded display name:
     * most of the cost of decoding a header. MimeTextTest compares the two.
     */
    private static String decodeText(String etext) throws java.io.UnsupportedEncodingException {
        StringBuilder out = new StringBuilder(etext.length());
        StringBuilder blanks = new StringBuilder();
        boolean prevWasEncoded = false;
        int n = etext.length();
        int i = 0;
        while (i < n) {
            char c = etext.charAt(i);
            if (isLwsp(c)) {
                blanks.append(c);
                i++;
                continue;
            }
            int end = i + 1;
            while (end < n && !isLwsp(etext.charAt(end))) {
                end++;
            }
            String word = etext.substring(i, end);
            boolean encoded = false;
            if (word.startsWith("=?")) {
                try {
                    word = MimeUtility.decodeWord(word);
                    encoded = true;
                } catch (jakarta.mail.internet.ParseException e) {
                    // not an encoded word after all: kept as it is
                }
            }
            if (!(encoded && prevWasEncoded)) {
                out.append(blanks);
            }
            prevWasEncoded = encoded;
            out.append(word);
            blanks.setLength(0);
            i = end;
        }
        return out.append(blanks).toString();
    }

    private static boolean isLwsp(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /** Bytes in the named charset; UTF-8 when the name is unknown, Latin-1 when even that is not valid. */
    public static String decode(byte[] bytes, String charsetName) {
        return decode(bytes, 0, bytes.length, charsetName);
    }

    /** {@link #decode(byte[], String)} of {@code bytes[off, off + len)}, without copying the slice first. */
    static String decode(byte[] bytes, int off, int len, String charsetName) {
        Charset cs = charset(charsetName);
        if ((cs == null || asciiTransparent(cs)) && Bytes.isAscii(bytes, off, off + len)) {
            // Only US-ASCII bytes, which these charsets (and the UTF-8 default) decode to themselves: copied as
            // Latin-1, without the decoder's own scan (a byte per turn under C1, where it is no intrinsic).
            return new String(bytes, off, len, StandardCharsets.ISO_8859_1);
        }
        if (cs != null) {
            return new String(bytes, off, len, cs);
        }
        String utf8 = new String(bytes, off, len, StandardCharsets.UTF_8);
        return utf8.indexOf('\uFFFD') >= 0 ? new String(bytes, off, len, StandardCharsets.ISO_8859_1) : utf8;
    }

    /**
     * Whether {@code cs} reads every US-ASCII byte as that char: UTF-8 and the one-byte Latin, Windows and KOI8
     * charsets. Not ISO-2022-*, UTF-7, HZ or UTF-16, where ASCII bytes can be escapes or halves of a char.
     */
    static boolean asciiTransparent(Charset cs) {
        if (cs == StandardCharsets.UTF_8 || cs == StandardCharsets.ISO_8859_1 || cs == StandardCharsets.US_ASCII) {
            return true;
        }
        String name = cs.name();
        return name.startsWith("ISO-8859-") || name.startsWith("windows-125") || name.startsWith("KOI8-");
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
     * itself when it has no CR (most messages: one fast scan instead of a copy), so callers must not write to it.
     */
    public static byte[] toLf(byte[] raw) {
        int cr = Bytes.indexOf(raw, (byte) '\r', 0, raw.length);
        return cr < 0 ? raw : toLf(raw, 0, raw.length, cr);
    }

    /** {@code raw[from, to)} with line ends made LF, {@code cr} being the first CR in it. */
    static byte[] toLf(byte[] raw, int from, int to, int cr) {
        return Bytes.crToLf(raw, from, to, cr);
    }

    /**
     * Crude HTML to text for notices that come only as HTML: tags to line breaks, entities decoded, blanks
     * before a line end dropped, runs of empty lines cut to one.
     *
     * <p>One hand-written pass instead of the regular expressions it replaces (a tag pattern
     * {@code (?is)<(script|style)[^>]*>.*?</\1>|<br\s*\/?>|</?(p|div|tr|li|h\d)[^>]*>|<[^>]+>} replaced by a line
     * end, six {@code String.replace} calls for the entities, then {@code [ \t]+\n} to a line end and
     * {@code \n{3,}} to two), which cost a tenth of decoding a message. {@code MimeTextTest} checks it gives the
     * same text as those over generated HTML and the corpus.
     */
    public static String htmlToText(String html) {
        int n = html.length();
        StringBuilder out = new StringBuilder(n);
        int i = 0;
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = tagEnd(html, i);
                if (end > 0) {
                    lineEnd(out);
                    i = end;
                    continue;
                }
            } else if (c == '&') {
                int end = entity(html, i, out);
                if (end > 0) {
                    i = end;
                    continue;
                }
            } else if (c == '\n') {
                lineEnd(out);
                i++;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /**
     * Where the tag at {@code i} ends, or -1. A script or style element is removed whole when its end tag follows
     * (names compared ignoring ASCII case only, as the pattern's {@code (?i)} without {@code u} did); any other
     * {@code <...>} with something between the brackets ends at the first {@code >} (the pattern's
     * {@code br}, {@code p}, ... alternatives all ended there too).
     */
    private static int tagEnd(String html, int i) {
        int name = asciiIgnoreCase(html, i + 1, "script") ? 6 : asciiIgnoreCase(html, i + 1, "style") ? 5 : 0;
        if (name > 0) {
            int open = html.indexOf('>', i + 1 + name);
            for (int j = open < 0 ? -1 : html.indexOf("</", open + 1); j >= 0; j = html.indexOf("</", j + 1)) {
                if (sameAscii(html, j + 2, i + 1, name) && j + 2 + name < html.length() && html.charAt(j + 2 + name) == '>') {
                    return j + 3 + name;
                }
            }
        }
        int close = html.indexOf('>', i + 1);
        return close > i + 1 ? close + 1 : -1;
    }

    /** Whether {@code s} has {@code lower} (lower-case ASCII letters) at {@code at}, ignoring ASCII case. */
    private static boolean asciiIgnoreCase(String s, int at, String lower) {
        if (at + lower.length() > s.length()) {
            return false;
        }
        for (int k = 0; k < lower.length(); k++) {
            if (asciiLower(s.charAt(at + k)) != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s[a, a + len)} equals {@code s[b, b + len)} ignoring ASCII case (a back-reference under (?i)). */
    private static boolean sameAscii(String s, int a, int b, int len) {
        if (a + len > s.length()) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (asciiLower(s.charAt(a + k)) != asciiLower(s.charAt(b + k))) {
                return false;
            }
        }
        return true;
    }

    private static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    private static final String[] ENTITIES = {"&nbsp;", "&lt;", "&gt;", "&quot;", "&#39;", "&amp;"};
    private static final char[] ENTITY_CHARS = {' ', '<', '>', '"', '\'', '&'};

    /** The entity at {@code i} appended as its character, returning where it ends; -1 when none is there. */
    private static int entity(String html, int i, StringBuilder out) {
        for (int k = 0; k < ENTITIES.length; k++) {
            if (html.startsWith(ENTITIES[k], i)) {
                out.append(ENTITY_CHARS[k]);
                return i + ENTITIES[k].length();
            }
        }
        return -1;
    }

    /** A line end, with the blanks before it dropped, unless the text already ends with an empty line. */
    private static void lineEnd(StringBuilder out) {
        int len = out.length();
        while (len > 0 && (out.charAt(len - 1) == ' ' || out.charAt(len - 1) == '\t')) {
            len--;
        }
        out.setLength(len);
        if (len < 2 || out.charAt(len - 1) != '\n' || out.charAt(len - 2) != '\n') {
            out.append('\n');
        }
    }
}
