package org.maildoctor.bounce.mime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The common MIME layouts of a bounce walked straight over the bytes: a single text part, or
 * {@code multipart/*} (report, mixed, alternative, nested) whose leaves are text, delivery-status,
 * feedback-report or returned-message parts in 7bit, 8bit, binary, clean quoted-printable or clean base64.
 * Each leaf goes to the same {@link Leaves} sink as a leaf of Jakarta Mail's tree, with the same bytes.
 *
 * <p>Hand-written rather than a library because the work is the library: building a Jakarta Mail
 * {@code MimeMessage} and {@code MimeMultipart} (header objects, part objects, byte-at-a-time line readers,
 * decoder streams) was a third of the time to parse a bounce, and its large parse methods were most of the
 * JIT work of a short {@code bounce parse} process. This walk accepts only input it reads exactly as Jakarta
 * Mail does and answers "not mine" ({@code false}) for everything else — comments or RFC 2231 parameters in a
 * Content-Type, a missing boundary parameter or closing boundary, a line that starts like a boundary but is
 * not one, a part without a header block, quoted-printable with trailing blanks or a stray {@code =}, base64
 * with anything but the alphabet, unknown transfer encodings — and the caller then runs Jakarta Mail, whose
 * lenient recovery is what unusual bounces need. {@code FastMimeTest} checks both give the same result.
 */
final class FastMime {

    /** Where leaves go, in document order; the multipart containers themselves are only counted. */
    interface Leaves {
        /** Whether the leaf's bytes are read at all (attachments are not, so their encoding does not matter). */
        boolean wants(String type);

        void leaf(String type, String charset, byte[] bytes);
    }

    private record Node(String type, Map<String, String> params, String encoding, int bodyStart, int bodyEnd) {
    }

    private static final int MAX_DEPTH = 8;
    private static final int MAX_PARTS = 200;

    private final byte[] b;
    private final List<Node> leaves = new ArrayList<>();
    private int parts;

    private FastMime(byte[] lf) {
        this.b = lf;
    }

    /**
     * Walks {@code lf} (a whole message, LF line ends, no mbox "From " line). Returns the top-level
     * Content-Type value as Jakarta Mail reports it (folds as CRLF, "text/plain" when absent), with every
     * leaf given to {@code sink}; or null, having given nothing, when the message is not one this walk reads.
     */
    static String walk(byte[] lf, Leaves sink) {
        FastMime w = new FastMime(lf);
        Map<String, String> headers = new HashMap<>();
        int body = w.headers(0, lf.length, headers);
        if (body < 0) {
            return null;
        }
        String ct = headers.get("content-type");
        if (!w.node(headers, body, lf.length, 0, sink)) {
            return null;
        }
        List<byte[]> decoded = new ArrayList<>(w.leaves.size());
        for (Node n : w.leaves) {
            byte[] bytes = w.decode(n);
            if (bytes == null) {
                return null;
            }
            decoded.add(bytes);
        }
        for (int i = 0; i < decoded.size(); i++) {
            Node n = w.leaves.get(i);
            sink.leaf(n.type, n.params.get("charset"), decoded.get(i));
        }
        return ct == null ? "text/plain" : ct;
    }

    /** Collects the leaves under one part; false when something is outside what this walk reads. */
    private boolean node(Map<String, String> headers, int start, int end, int depth, Leaves sink) {
        if (++parts > MAX_PARTS || depth > MAX_DEPTH) {
            return false; // Jakarta's walk warns and cuts here; leave that to it
        }
        String ct = headers.get("content-type");
        Map<String, String> params = new HashMap<>();
        String type = ct == null ? "text/plain" : contentType(ct, params);
        if (type == null) {
            return false;
        }
        if (!type.startsWith("multipart/")) {
            if (!sink.wants(type)) {
                return true;
            }
            String encoding = encoding(headers.get("content-transfer-encoding"));
            if (encoding == null) {
                return false;
            }
            leaves.add(new Node(type, params, encoding, start, end));
            return true;
        }
        String encoding = encoding(headers.get("content-transfer-encoding"));
        if (encoding == null || type.equals("multipart/digest")) {
            return false; // a digest's parts default to message/rfc822
        }
        String boundary = params.get("boundary");
        if (boundary == null || boundary.isEmpty() || !encoding.equals("7bit")) {
            return false;
        }
        return multipart(boundary.getBytes(StandardCharsets.ISO_8859_1), start, end, depth, sink);
    }

    private boolean multipart(byte[] boundary, int start, int end, int depth, Leaves sink) {
        int partStart = -1;
        int line = start;
        while (line < end) {
            int eol = indexOf((byte) '\n', line, end);
            int lineEnd = eol < 0 ? end : eol;
            int kind = boundaryLine(boundary, line, lineEnd);
            if (kind < 0) {
                return false;
            }
            if (kind > 0) {
                if (partStart >= 0 && !part(partStart, line - 1, depth, sink)) { // the LF before a boundary is the boundary's
                    return false;
                }
                if (kind == 2) {
                    return partStart >= 0; // an epilogue after the closing boundary is ignored
                }
                partStart = eol < 0 ? end : eol + 1;
            }
            line = eol < 0 ? end : eol + 1;
        }
        return false; // no closing boundary: Jakarta's recovery decides
    }

    /** 0 for an ordinary line, 1 for {@code --boundary}, 2 for {@code --boundary--}, -1 for a line that starts like one. */
    private int boundaryLine(byte[] boundary, int from, int to) {
        if (to - from < boundary.length + 2 || b[from] != '-' || b[from + 1] != '-') {
            return 0;
        }
        for (int i = 0; i < boundary.length; i++) {
            if (b[from + 2 + i] != boundary[i]) {
                return 0;
            }
        }
        int i = from + 2 + boundary.length;
        int kind = 1;
        if (i + 1 < to + 1 && i + 2 <= to && b[i] == '-' && b[i + 1] == '-') {
            kind = 2;
            i += 2;
        }
        for (; i < to; i++) {
            if (b[i] != ' ' && b[i] != '\t') {
                return -1;
            }
        }
        return kind;
    }

    private boolean part(int start, int end, int depth, Leaves sink) {
        if (start > end) {
            return false; // an empty part: no header block
        }
        Map<String, String> headers = new HashMap<>();
        int body = headers(start, end, headers);
        return body >= 0 && node(headers, Math.min(body, end), end, depth + 1, sink);
    }

    /**
     * Reads the header block at {@code from}: names lower-cased, the first of each name kept, folded lines
     * joined with CRLF as Jakarta Mail keeps them. Returns where the body starts (after the empty line), or
     * -1 when there is no empty line before {@code to} or the block is not plain ASCII fields.
     */
    private int headers(int from, int to, Map<String, String> out) {
        int line = from;
        String name = null;
        StringBuilder value = null;
        while (line < to) {
            int eol = indexOf((byte) '\n', line, to);
            if (eol < 0) {
                return -1;
            }
            if (eol == line) {
                put(out, name, value);
                return eol + 1;
            }
            byte first = b[line];
            if (first == ' ' || first == '\t') {
                if (name == null) {
                    return -1;
                }
                value.append("\r\n").append(ascii(line, eol));
            } else {
                put(out, name, value);
                int colon = indexOf((byte) ':', line, eol);
                if (colon < 0) {
                    return -1;
                }
                name = ascii(line, colon).strip().toLowerCase(Locale.ROOT);
                int v = colon + 1;
                while (v < eol && (b[v] == ' ' || b[v] == '\t')) {
                    v++;
                }
                value = new StringBuilder(ascii(v, eol));
            }
            line = eol + 1;
        }
        return -1;
    }

    private static void put(Map<String, String> out, String name, StringBuilder value) {
        if (name != null && (name.equals("content-type") || name.equals("content-transfer-encoding"))) {
            // Jakarta Mail's value starts after the blanks and line ends that follow the colon
            int i = 0;
            while (i < value.length() && " \t\r\n".indexOf(value.charAt(i)) >= 0) {
                i++;
            }
            out.putIfAbsent(name, value.substring(i));
        }
    }

    /** The base type, lower-cased, with the parameters put into {@code params}; null when not a plain "type/sub; a=b". */
    static String contentType(String value, Map<String, String> params) {
        String v = value.replace("\r\n", "");
        int slash = v.indexOf('/');
        if (slash < 0) {
            return null;
        }
        String primary = v.substring(0, slash).strip();
        int semi = v.indexOf(';', slash);
        String sub = (semi < 0 ? v.substring(slash + 1) : v.substring(slash + 1, semi)).strip();
        if (!isToken(primary) || !isToken(sub)) {
            return null;
        }
        int i = semi;
        while (i >= 0 && i < v.length()) {
            i = skipBlanks(v, i + 1); // past ';'
            if (i >= v.length()) {
                break; // a trailing ';'
            }
            int eq = v.indexOf('=', i);
            if (eq < 0) {
                return null;
            }
            String name = v.substring(i, eq).strip().toLowerCase(Locale.ROOT);
            if (!isToken(name) || name.indexOf('*') >= 0) {
                return null; // RFC 2231 continuations and charsets: Jakarta's
            }
            int s = skipBlanks(v, eq + 1);
            String val;
            int next;
            if (s < v.length() && v.charAt(s) == '"') {
                int close = v.indexOf('"', s + 1);
                if (close < 0) {
                    return null;
                }
                val = v.substring(s + 1, close);
                for (int k = 0; k < val.length(); k++) {
                    if (val.charAt(k) < ' ' || val.charAt(k) >= 127 || val.charAt(k) == '\\') {
                        return null;
                    }
                }
                next = skipBlanks(v, close + 1);
            } else {
                next = s;
                while (next < v.length() && v.charAt(next) != ';' && v.charAt(next) != ' ' && v.charAt(next) != '\t') {
                    next++;
                }
                val = v.substring(s, next);
                if (val.isEmpty() || !isToken(val)) {
                    return null;
                }
                next = skipBlanks(v, next);
            }
            if (next < v.length() && v.charAt(next) != ';') {
                return null;
            }
            if (params.put(name, val) != null) {
                return null; // a repeated parameter: which one wins is Jakarta's business
            }
            i = next;
        }
        return (primary + "/" + sub).toLowerCase(Locale.ROOT);
    }

    /** The transfer encoding, lower-cased ("7bit" when absent), or null for one this walk does not decode. */
    private static String encoding(String value) {
        if (value == null) {
            return "7bit";
        }
        String e = value.strip().toLowerCase(Locale.ROOT);
        return switch (e) {
            case "7bit", "8bit", "binary" -> "7bit";
            case "quoted-printable", "base64" -> e;
            default -> null;
        };
    }

    private byte[] decode(Node n) {
        return switch (n.encoding) {
            case "quoted-printable" -> quotedPrintable(n.bodyStart, n.bodyEnd);
            case "base64" -> base64(n.bodyStart, n.bodyEnd);
            default -> java.util.Arrays.copyOfRange(b, n.bodyStart, n.bodyEnd);
        };
    }

    /** RFC 2045 §6.7; null for a trailing blank (decoders differ on dropping it) or an {@code =} not followed by hex or LF. */
    private byte[] quotedPrintable(int from, int to) {
        byte[] out = new byte[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == '=') {
                if (i + 1 < to && b[i + 1] == '\n') {
                    i++;
                    continue;
                }
                int hi = i + 2 < to ? hex(b[i + 1]) : -1;
                int lo = hi >= 0 ? hex(b[i + 2]) : -1;
                if (lo < 0) {
                    return null;
                }
                out[n++] = (byte) (hi << 4 | lo);
                i += 2;
            } else if ((c == ' ' || c == '\t') && (i + 1 == to || b[i + 1] == '\n')) {
                return null;
            } else {
                out[n++] = c;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** Only the alphabet, line ends and final padding: where every base64 decoder gives the same bytes. */
    private byte[] base64(int from, int to) {
        int chars = 0;
        int pad = 0;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == '\n') {
                continue;
            }
            if (c == '=') {
                pad++;
            } else if (pad > 0 || !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/')) {
                return null;
            }
            chars++;
        }
        if (chars % 4 != 0 || pad > 2) {
            return null;
        }
        try {
            return Base64.getMimeDecoder().decode(java.util.Arrays.copyOfRange(b, from, to));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    /** RFC 2045 token characters. */
    private static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?=".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static int skipBlanks(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private int indexOf(byte x, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }

    /** Header bytes as text; non-ASCII bytes survive as Latin-1 and make the type parsers refuse the value. */
    private String ascii(int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
