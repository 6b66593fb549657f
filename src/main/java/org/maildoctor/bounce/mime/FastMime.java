package org.maildoctor.bounce.mime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.maildoctor.text.Bytes;

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
 * Mail does, Jakarta's own quirks included (a header line without a colon, a multipart without a boundary
 * parameter, a message whose multipart has no start boundary), and answers "not mine" ({@code false}) for
 * everything else — a nested multipart without boundary lines, a line that starts like a boundary but is not one,
 * a part without a header block, the two odd corners of the quoted-printable decoder, base64 with anything but the
 * alphabet, unknown transfer encodings — and the caller then runs Jakarta Mail, whose lenient recovery is what
 * unusual bounces need. {@code FastMimeTest} checks both give the same result.
 */
final class FastMime {

    /** Where leaves go, in document order; the multipart containers themselves are only counted. */
    interface Leaves {
        /** Whether the leaf's bytes are read at all (attachments are not, so their encoding does not matter). */
        boolean wants(String type);

        /**
         * The leaf's decoded body, {@code bytes[off, off + len)}. The array may be the message itself (a part
         * that needs no decoding is not copied): read it, never write to it. {@code lfOnly}: the bytes are known
         * to have no CR (a slice of the message, whose line ends are LF), so converting line ends can be skipped.
         */
        void leaf(String type, String charset, byte[] bytes, int off, int len, boolean lfOnly);

        /** The message's multipart has no start boundary; it has no leaves then. */
        void noStartBoundary();
    }

    private record Node(String type, String charset, String encoding, int bodyStart, int bodyEnd) {
    }

    /** A decoded body: a slice of the message ({@code lfOnly}), or a new array. */
    private record Slice(byte[] bytes, int off, int len, boolean lfOnly) {
    }

    /** The two header fields this walk reads, first of each name kept as Jakarta Mail keeps them; null when absent. */
    private static final class Fields {
        String contentType;
        String encoding;
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
        return walk(lf, 0, sink);
    }

    /**
     * {@link #walk(byte[], Leaves)} of the message that starts at {@code start} in {@code lf} (after an mbox line:
     * not copied out).
     */
    static String walk(byte[] lf, int start, Leaves sink) {
        FastMime w = new FastMime(lf);
        Fields headers = new Fields();
        int body = w.headers(start, lf.length, headers);
        if (body < 0) {
            return null;
        }
        String ct = headers.contentType;
        if (!w.node(headers, body, lf.length, 0, sink)) {
            return null;
        }
        Slice[] decoded = new Slice[w.leaves.size()];
        for (int i = 0; i < decoded.length; i++) {
            decoded[i] = w.decode(w.leaves.get(i));
            if (decoded[i] == null) {
                return null;
            }
        }
        for (int i = 0; i < decoded.length; i++) {
            Node n = w.leaves.get(i);
            sink.leaf(n.type, n.charset, decoded[i].bytes, decoded[i].off, decoded[i].len, decoded[i].lfOnly);
        }
        return ct == null ? "text/plain" : ct;
    }

    /** Collects the leaves under one part; false when something is outside what this walk reads. */
    private boolean node(Fields headers, int start, int end, int depth, Leaves sink) {
        if (++parts > MAX_PARTS || depth > MAX_DEPTH) {
            return false; // Jakarta's walk warns and cuts here; leave that to it
        }
        String ct = headers.contentType;
        Map<String, String> params = new HashMap<>();
        String type = ct == null ? "text/plain" : contentType(ct, params);
        if (type == null) {
            type = jakartaContentType(ct, params);
        }
        if (!type.startsWith("multipart/")) {
            if (!sink.wants(type)) {
                return true;
            }
            String encoding = encoding(headers.encoding);
            if (encoding == null) {
                return false;
            }
            leaves.add(new Node(type, params.get("charset"), encoding, start, end));
            return true;
        }
        String encoding = encoding(headers.encoding);
        if (encoding == null || type.equals("multipart/digest")) {
            return false; // a digest's parts default to message/rfc822
        }
        String param = params.get("boundary");
        byte[] boundary = param == null ? firstBoundaryLike(start, end) : param.getBytes(StandardCharsets.ISO_8859_1);
        if (boundary == null || !encoding.equals("7bit")) {
            return false;
        }
        if (boundary.length == 0) {
            return param == null && noStartBoundary(depth, sink); // an empty parameter makes "--" the boundary: Jakarta's
        }
        byte[] delimiter = new byte[boundary.length + 3];
        delimiter[0] = '\n';
        delimiter[1] = '-';
        delimiter[2] = '-';
        System.arraycopy(boundary, 0, delimiter, 3, boundary.length);
        return multipart(boundary, delimiter, start, end, depth, sink);
    }

    /**
     * The boundary of a multipart whose Content-Type has none, as Jakarta Mail finds it (its default
     * {@code mail.mime.multipart.ignoremissingboundaryparameter}): the first line that starts with "--", is longer
     * than two bytes and is not a rule of more than four dashes, less its "--" and trailing blanks. Exchange writes
     * such parts (the {@code boundary=} on a line of its own, not folded, so not a parameter). Empty when there is
     * no such line; null when it is all dashes: earlier rules of dashes would then look like boundary lines here and
     * not there.
     */
    private byte[] firstBoundaryLike(int start, int end) {
        int line = start;
        while (line < end) {
            int eol = indexOf('\n', line, end);
            int lineEnd = eol < 0 ? end : eol;
            int to = lineEnd;
            while (to > line && (b[to - 1] == ' ' || b[to - 1] == '\t')) {
                to--;
            }
            if (to - line > 2 && b[line] == '-' && b[line + 1] == '-') {
                boolean dashes = true;
                for (int i = line + 2; i < to && dashes; i++) {
                    dashes = b[i] == '-';
                }
                if (!dashes) {
                    return java.util.Arrays.copyOfRange(b, line + 2, to);
                }
                if (to - line <= 4) {
                    return null;
                }
            }
            line = lineEnd + 1;
        }
        return NONE;
    }

    private static final byte[] NONE = new byte[0];

    /**
     * Splits {@code [start, end)} at its boundary lines. Only the first line and the lines found by searching for
     * {@code delimiter} (LF, "--", the boundary) can be boundary lines or look like one; the search runs eight
     * bytes at a time ({@link Bytes#indexOf(byte[], byte[], int, int)}) instead of visiting every line.
     */
    private boolean multipart(byte[] boundary, byte[] delimiter, int start, int end, int depth, Leaves sink) {
        int partStart = -1;
        int line = start;
        while (line < end) {
            int eol = indexOf('\n', line, end);
            int lineEnd = eol < 0 ? end : eol;
            int kind = boundaryLine(boundary, line, lineEnd);
            if (kind < 0) {
                return false;
            }
            if (kind > 0) {
                if (partStart >= 0 && !part(partStart, line - 1, line, depth, sink)) { // the LF before a boundary is the boundary's
                    return false;
                }
                if (kind == 2) {
                    // an epilogue after the closing boundary is ignored; a closing boundary first ends the preamble
                    return partStart >= 0 || noStartBoundary(depth, sink);
                }
                partStart = eol < 0 ? end : eol + 1;
            }
            int next = eol < 0 ? -1 : Bytes.indexOf(b, delimiter, eol, b.length);
            line = next < 0 || next + 1 >= end ? end : next + 1;
        }
        // No closing boundary (a truncated bounce, common): with mail.mime.multipart.ignoremissingendboundary,
        // Jakarta Mail's last part runs to the end of the data, trailing line ends included.
        return partStart < 0 ? noStartBoundary(depth, sink) : part(partStart, end, end, depth, sink);
    }

    /**
     * A multipart with no boundary line before its closing one or its end. Jakarta Mail throws "Missing start
     * boundary" there (its {@code mail.mime.multipart.allowempty} is a system property, off), and the decoder then
     * reads the whole body as text ({@link Leaves#noStartBoundary}). Read here only for the message's own multipart:
     * below it, the leaves Jakarta's walk has taken before the throw stay taken, and this walk hands over its leaves
     * only at the end.
     */
    private static boolean noStartBoundary(int depth, Leaves sink) {
        if (depth > 0) {
            return false;
        }
        sink.noStartBoundary();
        return true;
    }

    /**
     * A Content-Type value read by Jakarta Mail's own parser: the base type lower-cased with its charset and boundary,
     * or text/plain with neither where that parser fails. Here for the values the parser above declines (comments,
     * RFC 2231 parameters, a repeated parameter, broken syntax); MailDecoder's walk over Jakarta's tree reads every
     * part's type with it, so both read such values alike. The class is light; only a MimeMessage is not.
     */
    static String jakartaContentType(String value, Map<String, String> params) {
        try {
            jakarta.mail.internet.ContentType t = new jakarta.mail.internet.ContentType(value);
            for (String name : new String[] {"charset", "boundary"}) {
                String v = t.getParameter(name);
                if (v != null) {
                    params.put(name, v);
                }
            }
            return t.getBaseType().toLowerCase(Locale.ROOT);
        } catch (Exception e) {
            params.clear();
            return "text/plain";
        }
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

    /**
     * The part {@code [start, end)}; its header block may end as far as {@code headerEnd}. Before a boundary that is
     * {@code end + 1}, the boundary's own LF: Jakarta Mail reads a part's header block before it looks for the
     * boundary, so a blank line right before the boundary ends the block and leaves the body empty (Exchange writes
     * such empty text/html parts).
     */
    private boolean part(int start, int end, int headerEnd, int depth, Leaves sink) {
        if (start > end) {
            return false; // an empty part: no header block
        }
        Fields headers = new Fields();
        int body = headers(start, headerEnd, headers);
        return body >= 0 && node(headers, Math.min(body, end), end, depth + 1, sink);
    }

    /**
     * Reads the header block at {@code from}: Content-Type and Content-Transfer-Encoding (the first of each),
     * folded lines joined with CRLF as Jakarta Mail keeps them. Returns where the body starts (after the empty
     * line), or -1 when there is no empty line before {@code to} or the block is not plain fields. Other fields
     * are only checked for their colon: building their names and values was most of this walk's time.
     */
    private int headers(int from, int to, Fields out) {
        int line = from;
        boolean named = false;
        int want = OTHER;
        StringBuilder value = null;
        while (line < to) {
            int eol = indexOf('\n', line, to);
            if (eol < 0) {
                return -1;
            }
            if (eol == line) {
                put(out, want, value);
                return eol + 1;
            }
            byte first = b[line];
            if (first == ' ' || first == '\t') {
                if (!named) {
                    return -1;
                }
                if (want != OTHER) {
                    value.append("\r\n").append(ascii(line, eol));
                }
            } else {
                put(out, want, value);
                int colon = indexOf(':', line, eol);
                named = true;
                if (colon < 0) {
                    // Jakarta Mail keeps a line without a colon as a field named by the whole line (Exchange's
                    // unfolded "boundary=..."): an other field, unless that name is one of the two read here. A folded
                    // line after it puts a line break inside the name (or adds only blanks), so never makes it one.
                    if (fieldName(line, eol) != OTHER) {
                        return -1;
                    }
                    want = OTHER;
                    line = eol + 1;
                    continue;
                }
                want = fieldName(line, colon);
                if (want != OTHER) {
                    int v = colon + 1;
                    while (v < eol && (b[v] == ' ' || b[v] == '\t')) {
                        v++;
                    }
                    value = new StringBuilder(ascii(v, eol));
                }
            }
            line = eol + 1;
        }
        return -1;
    }

    private static final int OTHER = 0;
    private static final int CONTENT_TYPE = 1;
    private static final int CONTENT_TRANSFER_ENCODING = 2;
    private static final byte[] CONTENT_TYPE_NAME = "content-type".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] CONTENT_TRANSFER_ENCODING_NAME =
            "content-transfer-encoding".getBytes(StandardCharsets.ISO_8859_1);

    /**
     * Which of the two fields {@code b[from, colon)} names, as Jakarta Mail compares a field's name: its Latin-1
     * text {@code trim()}med (every byte up to the space, control bytes included) and compared ignoring case. No
     * Latin-1 letter outside ASCII folds into ASCII, so ASCII folding is exact.
     */
    private int fieldName(int from, int colon) {
        int lo = from;
        int hi = colon;
        while (lo < hi && (b[lo] & 0xff) <= ' ') {
            lo++;
        }
        while (hi > lo && (b[hi - 1] & 0xff) <= ' ') {
            hi--;
        }
        if (sameName(lo, hi, CONTENT_TYPE_NAME)) {
            return CONTENT_TYPE;
        }
        return sameName(lo, hi, CONTENT_TRANSFER_ENCODING_NAME) ? CONTENT_TRANSFER_ENCODING : OTHER;
    }

    private boolean sameName(int from, int to, byte[] lower) {
        return to - from == lower.length && Bytes.equalsIgnoreCase(b, from, lower);
    }

    private static void put(Fields out, int want, StringBuilder value) {
        if (want == OTHER) {
            return;
        }
        // Jakarta Mail's value starts after the blanks and line ends that follow the colon
        int i = 0;
        while (i < value.length() && " \t\r\n".indexOf(value.charAt(i)) >= 0) {
            i++;
        }
        if (want == CONTENT_TYPE && out.contentType == null) {
            out.contentType = value.substring(i);
        } else if (want == CONTENT_TRANSFER_ENCODING && out.encoding == null) {
            out.encoding = value.substring(i);
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
        // a StringBuilder, not "+": the indy concatenation cost more than the rest of this method in a profile
        return new StringBuilder(primary.length() + 1 + sub.length()).append(primary).append('/').append(sub).toString()
                .toLowerCase(Locale.ROOT);
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

    private Slice decode(Node n) {
        return switch (n.encoding) {
            case "quoted-printable" -> quotedPrintable(n.bodyStart, n.bodyEnd);
            case "base64" -> {
                byte[] d = base64(n.bodyStart, n.bodyEnd);
                yield d == null ? null : new Slice(d, 0, d.length, false);
            }
            default -> new Slice(b, n.bodyStart, n.bodyEnd - n.bodyStart, true);
        };
    }

    /**
     * RFC 2045 §6.7 as Angus Mail's QPDecoderStream reads it, line by line, copying the runs between {@code =}
     * whole: spaces (not tabs) right before a line end or the end are transport padding and dropped; {@code =} LF is
     * a soft line break; {@code =} and two hex digits a byte; any other {@code =} stays as it is; an {@code =} at the
     * very end ends the data. Null where that decoder does something odd: {@code =-} (it parses a signed number)
     * and {@code =} with one byte after it at the end (it reads the end as a 0xFF byte).
     */
    private Slice quotedPrintable(int from, int to) {
        byte[] out = new byte[to - from];
        int n = 0;
        int line = from;
        while (line < to) {
            int eol = indexOf('\n', line, to);
            int end = eol < 0 ? to : eol;
            int keep = end;
            while (keep > line && b[keep - 1] == ' ') {
                keep--;
            }
            boolean soft = false;
            int i = line;
            while (i < keep) {
                int eq = indexOf('=', i, keep);
                int run = (eq < 0 ? keep : eq) - i;
                System.arraycopy(b, i, out, n, run);
                n += run;
                if (eq < 0) {
                    break;
                }
                if (eq + 1 == end) {
                    soft = true; // "=" LF: a soft line break, both dropped; "=" at the end: the end
                    break;
                }
                if (b[eq + 1] == '-' || eq + 2 == end && eol < 0) {
                    return null;
                }
                int hi = eq + 2 < end ? hex(b[eq + 1]) : -1;
                int lo = hi >= 0 ? hex(b[eq + 2]) : -1;
                if (lo < 0) {
                    out[n++] = '=';
                    i = eq + 1;
                } else {
                    out[n++] = (byte) (hi << 4 | lo);
                    i = eq + 3;
                }
            }
            if (eol < 0) {
                break;
            }
            if (!soft) {
                out[n++] = '\n';
            }
            line = eol + 1;
        }
        return new Slice(out, 0, n, false);
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

    /** RFC 2045 tspecials, by character: a table, as a String.indexOf per character was a measurable cost. */
    private static final boolean[] TSPECIALS = new boolean[128];

    static {
        for (char c : "()<>@,;:\\\"/[]?=".toCharArray()) {
            TSPECIALS[c] = true;
        }
    }

    /** RFC 2045 token characters. */
    private static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 127 || TSPECIALS[c]) {
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

    /** The first index of {@code c} in {@code b[from, to)}, or -1. */
    private int indexOf(char c, int from, int to) {
        return Bytes.indexOf(b, (byte) c, from, to);
    }

    /** Header bytes as text; non-ASCII bytes survive as Latin-1 and make the type parsers refuse the value. */
    private String ascii(int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
