package org.maildoctor.smtp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * For up to 64 rules, each with literals of which a text must contain one for the rule to match
 * ({@link Ascii#requiredLiterals}), which rules may match a text: found in one pass over the text
 * with an Aho-Corasick automaton, instead of one {@code contains} per literal per rule (a few
 * hundred scans of every diagnostic, the largest remaining cost of the wording rules). The answer
 * may only err towards "may match": a rule with no literals, or with a literal this automaton does
 * not follow (one with a character outside US-ASCII), is always possible; a rule whose literals are
 * null is never possible (it belongs to another index). With {@code foldCase} the literals are found
 * in any US-ASCII case, as {@code lower(text).contains(lower(literal))} would, without lowering the
 * text. LiteralIndexTest compares it with the {@code contains} loop.
 */
final class LiteralIndex {

    private static final int ASCII = 128;

    /** Rules that are possible whatever the text. */
    private final long always;
    /** The character class of each US-ASCII character: 0 for characters in no literal. */
    private final int[] classOf = new int[ASCII];
    private final int classes;
    /**
     * The automaton's transitions, completed along failure links: {@code step[row + class]}, where a
     * state's row is its number times {@code classes}, holds the next state's row shifted left by one,
     * its low bit set when a literal ends there. Rows rather than numbers, and the flag in the same
     * int, keep the per-character chain of dependent operations to a shift, an add and a load.
     */
    private final int[] step;
    /** The rules with a literal that ends at each state (its own or one reached by failure links). */
    private final long[] hits;
    /** The longest literal's length: two walks over the halves of a text overlap by this less one. */
    private final int longest;

    LiteralIndex(List<List<String>> literalsPerRule) {
        this(literalsPerRule, false);
    }

    LiteralIndex(List<List<String>> literalsPerRule, boolean foldCase) {
        if (literalsPerRule.size() > 64) {
            throw new IllegalArgumentException("at most 64 rules: " + literalsPerRule.size());
        }
        long always = 0;
        int classes = 1;
        literalsPerRule = foldCase ? lowered(literalsPerRule) : literalsPerRule;
        for (int r = 0; r < literalsPerRule.size(); r++) {
            List<String> literals = literalsPerRule.get(r);
            if (literals == null) {
                continue;
            }
            if (literals.isEmpty() || !allAsciiAndNonEmpty(literals)) {
                always |= 1L << r;
                continue;
            }
            for (String l : literals) {
                for (int i = 0; i < l.length(); i++) {
                    if (classOf[l.charAt(i)] == 0) {
                        classOf[l.charAt(i)] = classes++;
                    }
                }
            }
        }
        if (foldCase) {
            for (char c = 'A'; c <= 'Z'; c++) {
                classOf[c] = classOf[c + ('a' - 'A')];
            }
        }
        this.always = always;
        this.classes = classes;
        // the longest literal, and the literals' total length: the trie has at most that many states besides the root
        int longest = 1;
        int total = 1;
        for (int r = 0; r < literalsPerRule.size(); r++) {
            if ((always >>> r & 1) == 0 && literalsPerRule.get(r) != null) {
                for (String l : literalsPerRule.get(r)) {
                    longest = Math.max(longest, l.length());
                    total += l.length();
                }
            }
        }
        this.longest = longest;
        // the trie, in flat arrays (state s's transitions at trie[s * classes + c]): built at every start, in
        // the interpreter, where lists of boxed numbers cost several times as much
        int[] trie = new int[total * classes];
        long[] out = new long[total];
        int n = 1;
        for (int r = 0; r < literalsPerRule.size(); r++) {
            if ((always >>> r & 1) != 0 || literalsPerRule.get(r) == null) {
                continue;
            }
            for (String l : literalsPerRule.get(r)) {
                int s = 0;
                for (int i = 0; i < l.length(); i++) {
                    int at = s * classes + classOf[l.charAt(i)];
                    if (trie[at] == 0) {
                        trie[at] = n++;
                    }
                    s = trie[at];
                }
                out[s] |= 1L << r;
            }
        }
        // failure links, breadth first; missing transitions become the failure state's
        int[] fail = new int[n];
        int[] next = new int[n * classes];
        hits = new long[n];
        int[] queue = new int[n];
        int head = 0;
        int tail = 0;
        for (int c = 1; c < classes; c++) {
            int t = trie[c];
            next[c] = t;
            if (t != 0) {
                queue[tail++] = t;
            }
        }
        hits[0] = out[0];
        while (head < tail) {
            int s = queue[head++];
            hits[s] = out[s] | hits[fail[s]];
            for (int c = 1; c < classes; c++) {
                int t = trie[s * classes + c];
                if (t != 0) {
                    fail[t] = next[fail[s] * classes + c];
                    next[s * classes + c] = t;
                    queue[tail++] = t;
                } else {
                    next[s * classes + c] = next[fail[s] * classes + c];
                }
            }
            // class 0 (a character in no literal) leads back to the root: next[s * classes] stays 0
        }
        step = new int[n * classes];
        for (int i = 0; i < step.length; i++) {
            int t = next[i];
            step[i] = t * classes << 1 | (hits[t] != 0 ? 1 : 0);
        }
    }

    /** Whether every literal has a character and only US-ASCII ones (a loop: this runs in the interpreter at start-up). */
    private static boolean allAsciiAndNonEmpty(List<String> literals) {
        for (String l : literals) {
            if (l.isEmpty()) {
                return false;
            }
            for (int i = 0; i < l.length(); i++) {
                if (l.charAt(i) >= ASCII) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Bit {@code r} set: rule {@code r} may match {@code text} (has a literal in it, or is always
     * possible). A long text is walked as two halves at once, the first running on past the middle by
     * the longest literal less one so that it sees every literal that starts in it, the second from
     * the start state at the middle: two independent chains of loads that the processor overlaps.
     */
    long possible(String text) {
        int n = text.length();
        int mid = n >>> 1;
        int endA = Math.min(n, mid + longest - 1);
        int lengthB = n - mid;
        if (n < 32 || endA >= n) {
            return always | walk(text, 0, n);
        }
        byte[] latin1 = Ascii.latin1(text);
        if (latin1 != null) {
            return possible(latin1, mid, endA, lengthB);
        }
        long found = always;
        int a = 0;
        int b = 0;
        int both = Math.min(endA, lengthB);
        for (int i = 0; i < both; i++) {
            char ca = text.charAt(i);
            char cb = text.charAt(mid + i);
            a = step[(a >>> 1) + (ca < ASCII ? classOf[ca] : 0)];
            b = step[(b >>> 1) + (cb < ASCII ? classOf[cb] : 0)];
            if (((a | b) & 1) != 0) {
                found |= hit(a) | hit(b);
            }
        }
        for (int i = both; i < endA; i++) {
            char c = text.charAt(i);
            a = step[(a >>> 1) + (c < ASCII ? classOf[c] : 0)];
            found |= hit(a);
        }
        for (int i = both; i < lengthB; i++) {
            char c = text.charAt(mid + i);
            b = step[(b >>> 1) + (c < ASCII ? classOf[c] : 0)];
            found |= hit(b);
        }
        return found;
    }

    /**
     * {@link #possible(String)} over the text's Latin-1 bytes (a lowered text's, {@link Ascii#latin1}): the same
     * walk without a String's coder test and bounds check per char, which C1 keeps in every {@code charAt}.
     */
    private long possible(byte[] text, int mid, int endA, int lengthB) {
        long found = always;
        int a = 0;
        int b = 0;
        int both = Math.min(endA, lengthB);
        for (int i = 0; i < both; i++) {
            int ca = text[i] & 0xFF;
            int cb = text[mid + i] & 0xFF;
            a = step[(a >>> 1) + (ca < ASCII ? classOf[ca] : 0)];
            b = step[(b >>> 1) + (cb < ASCII ? classOf[cb] : 0)];
            if (((a | b) & 1) != 0) {
                found |= hit(a) | hit(b);
            }
        }
        for (int i = both; i < endA; i++) {
            int c = text[i] & 0xFF;
            a = step[(a >>> 1) + (c < ASCII ? classOf[c] : 0)];
            found |= hit(a);
        }
        for (int i = both; i < lengthB; i++) {
            int c = text[mid + i] & 0xFF;
            b = step[(b >>> 1) + (c < ASCII ? classOf[c] : 0)];
            found |= hit(b);
        }
        return found;
    }

    /**
     * {@code possible(text) | other.possible(text)}, both automata walked over the text in one loop:
     * two independent chains, as in {@link #possible}. For rules numbered alike in both (each rule's
     * literals in one of them, null in the other).
     */
    long possibleEither(LiteralIndex other, String text) {
        long found = always | other.always;
        int a = 0;
        int b = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            a = step[(a >>> 1) + (c < ASCII ? classOf[c] : 0)];
            b = other.step[(b >>> 1) + (c < ASCII ? other.classOf[c] : 0)];
            if (((a | b) & 1) != 0) {
                found |= hit(a) | other.hit(b);
            }
        }
        return found;
    }

    private long walk(String text, int from, int to) {
        long found = 0;
        int s = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            s = step[(s >>> 1) + (c < ASCII ? classOf[c] : 0)];
            found |= hit(s);
        }
        return found;
    }

    private long hit(int s) {
        return (s & 1) == 0 ? 0 : hits[(s >>> 1) / classes];
    }

    private static List<List<String>> lowered(List<List<String>> literalsPerRule) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> literals : literalsPerRule) {
            out.add(literals == null ? null : literals.stream().map(Ascii::lower).toList());
        }
        return out;
    }

    /** The plain loop this replaces, for tests. */
    static long possiblePlain(List<List<String>> literalsPerRule, String lower) {
        long found = 0;
        for (int r = 0; r < literalsPerRule.size(); r++) {
            List<String> literals = literalsPerRule.get(r);
            if (literals != null && (literals.isEmpty() || literals.stream().anyMatch(lower::contains))) {
                found |= 1L << r;
            }
        }
        return found;
    }

    @Override
    public String toString() {
        return "LiteralIndex[" + hits.length + " states, " + classes + " classes, always " + Long.toBinaryString(always)
                + ", " + Arrays.stream(hits).filter(h -> h != 0).count() + " accepting]";
    }
}
