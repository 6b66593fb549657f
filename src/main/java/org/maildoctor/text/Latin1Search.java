package org.maildoctor.text;

import java.nio.charset.StandardCharsets;

/**
 * Searches in a text that is searched many times (a bounce's notice, in which every dialect looks for its own
 * wording and line starts): over the text's ISO-8859-1 bytes, made once per text and thread, eight bytes at a time
 * ({@link Bytes}), where String.indexOf and String.contains run a byte per turn under the quick JIT compiler of a
 * short run.
 *
 * <p>A char above U+00FF becomes '?' in the bytes (a surrogate pair one '?'). So a literal of Latin-1 chars other
 * than '?' occurs in the bytes exactly where it occurs in the text, shifted at most, and {@link #contains} gives
 * String.contains's answer; any other literal is left to String.contains. Offsets are the text's only when every
 * char is Latin-1, which {@link #exact} says.
 */
public final class Latin1Search {

    private Latin1Search() {
    }

    /** A text, its bytes, and whether they are the text char for char. */
    private record Image(String text, byte[] bytes, boolean exact) {
        static Image of(String text) {
            byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
            boolean exact = b.length == text.length();
            for (int q = exact ? Bytes.indexOf(b, (byte) '?', 0, b.length) : -1; q >= 0 && exact;
                    q = Bytes.indexOf(b, (byte) '?', q + 1, b.length)) {
                exact = text.charAt(q) == '?';
            }
            return new Image(text, b, exact);
        }
    }

    /** The last two texts looked at on this thread: a notice and its lowered copy are asked about in turn. */
    private static final class Recent {
        Image last;
        Image before;
    }

    private static final ThreadLocal<Recent> RECENT = ThreadLocal.withInitial(Recent::new);

    private static Image image(String text) {
        Recent r = RECENT.get();
        if (r.last != null && r.last.text() == text) {
            return r.last;
        }
        Image i = r.before != null && r.before.text() == text ? r.before : Image.of(text);
        r.before = r.last;
        r.last = i;
        return i;
    }

    /** Whether {@code text} contains {@code literal}. */
    public static boolean contains(String text, String literal) {
        if (!searchable(literal)) {
            return text.contains(literal);
        }
        byte[] b = image(text).bytes();
        return Bytes.indexOf(b, literal.getBytes(StandardCharsets.ISO_8859_1), 0, b.length) >= 0;
    }

    /** {@code text}'s ISO-8859-1 bytes when every char of it is one (each byte its char, offsets shared), else null. */
    public static byte[] exact(String text) {
        Image i = image(text);
        return i.exact() ? i.bytes() : null;
    }

    private static boolean searchable(String literal) {
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c > 0xFF || c == '?') {
                return false;
            }
        }
        return true;
    }
}
