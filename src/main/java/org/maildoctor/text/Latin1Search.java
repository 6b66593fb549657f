package org.maildoctor.text;

import java.nio.charset.StandardCharsets;

/**
 * {@code text.contains(literal)} for a text asked about many times (a bounce's notice, which every dialect looks
 * for its own wording in): over the text's ISO-8859-1 bytes, made once per text and thread, eight bytes at a time
 * ({@link Bytes}), where {@code String.contains} runs a byte per turn under the quick JIT compiler of a short run.
 *
 * <p>The answer is String.contains's. A char above U+00FF becomes '?' in the bytes (a surrogate pair one '?'), so a
 * literal of Latin-1 chars other than '?' occurs in the bytes exactly where it occurs in the text, shifted at most;
 * any other literal is left to String.contains.
 */
public final class Latin1Search {

    private Latin1Search() {
    }

    /** The last text looked at on this thread and its bytes. */
    private record Image(String text, byte[] bytes) {
    }

    private static final ThreadLocal<Image> LAST = new ThreadLocal<>();

    /** Whether {@code text} contains {@code literal}. */
    public static boolean contains(String text, String literal) {
        if (!searchable(literal)) {
            return text.contains(literal);
        }
        Image image = LAST.get();
        if (image == null || image.text() != text) {
            image = new Image(text, text.getBytes(StandardCharsets.ISO_8859_1));
            LAST.set(image);
        }
        byte[] l = literal.getBytes(StandardCharsets.ISO_8859_1);
        return Bytes.indexOf(image.bytes(), l, 0, image.bytes().length) >= 0;
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
