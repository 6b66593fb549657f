package org.maildoctor.smtp;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import org.maildoctor.text.Bytes;

/**
 * A list of literals (a pattern's start or required literals) that also holds each one's ISO-8859-1 bytes, so
 * that a lowered text whose bytes {@link Ascii#latin1} has is searched eight bytes at a time; other text (and a
 * literal with a char above U+00FF) is searched with {@code String.indexOf}, with the same answer.
 */
final class Literals extends AbstractList<String> implements RandomAccess {
    private final String[] literals;
    /** Per literal its bytes, or null when it is not all Latin-1. */
    private final byte[][] latin1;

    private Literals(List<String> literals) {
        this.literals = literals.toArray(new String[0]);
        this.latin1 = new byte[this.literals.length][];
        for (int i = 0; i < this.literals.length; i++) {
            String l = this.literals[i];
            latin1[i] = l.chars().allMatch(c -> c < 256) ? l.getBytes(StandardCharsets.ISO_8859_1) : null;
        }
    }

    /** {@code literals} as such a list; null for null. */
    static Literals of(List<String> literals) {
        return literals == null ? null : new Literals(literals);
    }

    @Override
    public String get(int index) {
        return literals[index];
    }

    @Override
    public int size() {
        return literals.length;
    }

    /**
     * {@code text.indexOf(get(j), from, to)}: the first occurrence of literal {@code j} lying wholly in
     * {@code [from, to)}, or -1; {@code textLatin1} is {@link Ascii#latin1}{@code (text)} (may be null).
     */
    int indexOf(int j, String text, byte[] textLatin1, int from, int to) {
        byte[] l = latin1[j];
        return textLatin1 != null && l != null ? Bytes.indexOf(textLatin1, l, from, to) : text.indexOf(literals[j], from, to);
    }
}
