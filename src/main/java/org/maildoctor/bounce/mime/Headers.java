package org.maildoctor.bounce.mime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.maildoctor.text.Bytes;

/**
 * Header fields in their original order, unfolded, with MIME encoded words decoded. Lookups ignore
 * case. Parsed leniently: a line that is no field ends the block, as RFC 5322 §2.1 says.
 *
 * <p>{@link #parse} finds the fields and their names; a value is unfolded, stripped and decoded only when
 * it is first read. A bounce's two header blocks (its own, the returned message's) have dozens of fields
 * of which a handful are ever looked up, and building every value (encoded words through Jakarta Mail's
 * decoder included) was a quarter of the time to decode a message. Values are pure functions of the text,
 * so computing them late (and, under a race, twice) gives the same fields.
 */
public final class Headers {

    public record Field(String name, String value) {
    }

    public static final Headers EMPTY = new Headers(List.of());

    /** The parsed text; null when made from fields. */
    private final String text;
    private final String[] names;
    /** Per field: where its value starts (after the colon) and where its last line ends, in {@link #text}. */
    private final int[] spans;
    /** Values as read so far (all of them when made from fields). */
    private final String[] values;
    private List<Field> fields;

    public Headers(List<Field> fields) {
        List<Field> copy = List.copyOf(fields);
        this.text = null;
        this.names = new String[copy.size()];
        this.values = new String[copy.size()];
        this.spans = null;
        for (int i = 0; i < names.length; i++) {
            names[i] = copy.get(i).name();
            values[i] = copy.get(i).value();
        }
        this.fields = copy;
    }

    private Headers(String text, List<String> names, int[] spans) {
        this.text = text;
        this.names = names.toArray(new String[0]);
        this.spans = spans;
        this.values = new String[this.names.length];
    }

    /**
     * Reads the header block at the start of {@code text} (LF line ends), stopping at the first empty line.
     * One pass with index arithmetic (a substring per line, then strip() of it, made this a sixth of the time
     * to decode a message). Same rules as a line-by-line reading: a line starting with a blank continues the
     * field, a line without a colon, or whose name has a space, ends the block, except an mbox "From " line
     * before the first field.
     */
    public static Headers parse(String text) {
        return parse(text, null, 0);
    }

    /**
     * {@link #parse(String)}, given the bytes {@code text} was decoded from when each of its chars came from one
     * byte ({@code image[imageOff + i]} is LF exactly where {@code text.charAt(i)} is; else null): line ends are
     * then found in the bytes eight at a time ({@link Bytes}) rather than by String.indexOf, which the quick JIT
     * compiler of a short run runs a byte per turn.
     */
    static Headers parse(String text, byte[] image, int imageOff) {
        List<String> names = new ArrayList<>();
        int[] spans = new int[16];
        int len = text.length();
        int at = 0;
        boolean started = false;
        while (at < len) {
            int nl = lineEnd(text, image, imageOff, at);
            int end = nl < 0 ? len : nl;
            int next = nl < 0 ? len : nl + 1;
            if (end == at) {
                break; // the empty line
            }
            int colon = at;
            boolean space = false;
            for (char c; colon < end && (c = text.charAt(colon)) != ':'; colon++) {
                space |= c == ' '; // field names are short: a plain loop beats an indexOf call
            }
            int nameFrom = colon == end ? at : skipSpace(text, at, colon);
            int nameTo = colon == end ? at : backSpace(text, nameFrom, colon);
            if (colon == end || colon == at || space && hasSpace(text, nameFrom, nameTo)) {
                if (!started && text.startsWith("From ", at)) {
                    at = next;
                    continue; // an mbox separator line before the first field
                }
                break;
            }
            started = true;
            int valueTo = end;
            at = next;
            while (at < len && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
                int nl2 = lineEnd(text, image, imageOff, at);
                valueTo = nl2 < 0 ? len : nl2; // a continuation line
                at = nl2 < 0 ? len : nl2 + 1;
            }
            int k = names.size();
            if (2 * k + 2 > spans.length) {
                spans = java.util.Arrays.copyOf(spans, spans.length * 2);
            }
            spans[2 * k] = colon + 1;
            spans[2 * k + 1] = valueTo;
            names.add(text.substring(nameFrom, nameTo));
        }
        return new Headers(text, names, spans);
    }

    /** The first LF of {@code text} at or after {@code from}, or -1. */
    private static int lineEnd(String text, byte[] image, int imageOff, int from) {
        if (image == null) {
            return text.indexOf('\n', from);
        }
        int nl = Bytes.indexOf(image, (byte) '\n', imageOff + from, imageOff + text.length());
        return nl < 0 ? -1 : nl - imageOff;
    }

    /** The value of field {@code i}: continuation lines joined by one space each, stripped, encoded words decoded. */
    private String value(int i) {
        String v = values[i];
        if (v == null) {
            v = MimeText.decodeWords(unfold(text, spans[2 * i], spans[2 * i + 1]));
            values[i] = v;
        }
        return v;
    }

    /** The text of {@code [from, to)}: its first line, then each further line stripped after one space; stripped. */
    private static String unfold(String text, int from, int to) {
        int nl = text.indexOf('\n', from, to);
        if (nl < 0) {
            int a = skipSpace(text, from, to);
            return text.substring(a, backSpace(text, a, to));
        }
        StringBuilder folded = new StringBuilder(to - from).append(text, from, nl);
        while (nl >= 0) {
            int line = nl + 1;
            nl = text.indexOf('\n', line, to);
            int end = nl < 0 ? to : nl;
            int a = skipSpace(text, line, end);
            folded.append(' ').append(text, a, backSpace(text, a, end));
        }
        return folded.toString().strip();
    }
    private static boolean hasSpace(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == ' ') {
                return true;
            }
        }
        return false;
    }

    /** The first index in {@code [from, to)} that {@link String#strip()} keeps, or {@code to}. */
    private static int skipSpace(String s, int from, int to) {
        while (from < to && Character.isWhitespace(s.charAt(from))) {
            from++;
        }
        return from;
    }

    /** The end of {@code [from, to)} with trailing whitespace as {@link String#strip()} sees it removed. */
    private static int backSpace(String s, int from, int to) {
        while (to > from && Character.isWhitespace(s.charAt(to - 1))) {
            to--;
        }
        return to;
    }

    public List<Field> fields() {
        List<Field> f = fields;
        if (f == null) {
            Field[] all = new Field[names.length];
            for (int i = 0; i < all.length; i++) {
                all[i] = new Field(names[i], value(i));
            }
            f = List.of(all);
            fields = f;
        }
        return f;
    }

    public boolean isEmpty() {
        return names.length == 0;
    }

    public Optional<String> first(String name) {
        int i = indexOf(name);
        return i < 0 ? Optional.empty() : Optional.of(value(i));
    }

    /** The first value, or the empty string. */
    public String get(String name) {
        int i = indexOf(name);
        return i < 0 ? "" : value(i);
    }

    public List<String> all(String name) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                out.add(value(i));
            }
        }
        return java.util.Collections.unmodifiableList(out);
    }

    public boolean has(String name) {
        return indexOf(name) >= 0;
    }

    /** Any field whose name starts with {@code prefix}, e.g. {@code X-Postfix-}. */
    public boolean hasPrefix(String prefix) {
        String p = prefix.toLowerCase(Locale.ROOT);
        for (String n : names) {
            if (n.toLowerCase(Locale.ROOT).startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private int indexOf(String name) {
        int n = name.length();
        for (int i = 0; i < names.length; i++) {
            // the length first, inline: most names differ in it, and C1 calls equalsIgnoreCase rather than inlining it
            if (names[i].length() == n && names[i].equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
