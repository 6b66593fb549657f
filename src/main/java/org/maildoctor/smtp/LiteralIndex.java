package org.maildoctor.smtp;

import java.util.ArrayDeque;
import java.util.ArrayList;
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
     * state's row is its number times {@code classes}, holds the next state's row shifted left by
     * {@link #shift}, its low bits the state's number among those where a literal ends (0: none).
     * Rows rather than numbers, and the hit number in the same int, keep the per-character chain of
     * dependent operations to a shift, an add and a load; the hit number finds the state's rules
     * without dividing a row by {@code classes} (a division per hit was a tenth of the walk).
     */
    private final int[] step;
    private final int shift;
    private final int hitMask;
    /** The rules with a literal that ends at each numbered state (its own or one reached by failure links); 0 for number 0. */
    private final long[] hitRules;
    private final int states;
    private final long accepting;
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
            if (literals.isEmpty() || literals.stream().anyMatch(l -> l.isEmpty() || !l.chars().allMatch(c -> c < ASCII))) {
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
        int longest = 1;
        for (int r = 0; r < literalsPerRule.size(); r++) {
            if ((always >>> r & 1) == 0 && literalsPerRule.get(r) != null) {
                for (String l : literalsPerRule.get(r)) {
                    longest = Math.max(longest, l.length());
                }
            }
        }
        this.longest = longest;
        // the trie
        List<int[]> trie = new ArrayList<>();
        List<Long> out = new ArrayList<>();
        trie.add(new int[classes]);
        out.add(0L);
        for (int r = 0; r < literalsPerRule.size(); r++) {
            if ((always >>> r & 1) != 0 || literalsPerRule.get(r) == null) {
                continue;
            }
            for (String l : literalsPerRule.get(r)) {
                int s = 0;
                for (int i = 0; i < l.length(); i++) {
                    int c = classOf[l.charAt(i)];
                    if (trie.get(s)[c] == 0) {
                        trie.get(s)[c] = trie.size();
                        trie.add(new int[classes]);
                        out.add(0L);
                    }
                    s = trie.get(s)[c];
                }
                out.set(s, out.get(s) | 1L << r);
            }
        }
        // failure links, breadth first; missing transitions become the failure state's
        int n = trie.size();
        int[] fail = new int[n];
        int[] next = new int[n * classes];
        long[] hits = new long[n];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 1; c < classes; c++) {
            int t = trie.get(0)[c];
            next[c] = t;
            if (t != 0) {
                queue.add(t);
            }
        }
        hits[0] = out.get(0);
        while (!queue.isEmpty()) {
            int s = queue.poll();
            hits[s] = out.get(s) | hits[fail[s]];
            for (int c = 1; c < classes; c++) {
                int t = trie.get(s)[c];
                if (t != 0) {
                    fail[t] = next[fail[s] * classes + c];
                    next[s * classes + c] = t;
                    queue.add(t);
                } else {
                    next[s * classes + c] = next[fail[s] * classes + c];
                }
            }
            // class 0 (a character in no literal) leads back to the root: next[s * classes] stays 0
        }
        int[] number = new int[n];
        int numbered = 0;
        for (int t = 0; t < n; t++) {
            number[t] = hits[t] != 0 ? ++numbered : 0;
        }
        shift = 32 - Integer.numberOfLeadingZeros(Math.max(1, numbered));
        hitMask = (1 << shift) - 1;
        if (((long) n * classes) << shift > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many literals for an int transition table: " + n + " states");
        }
        hitRules = new long[numbered + 1];
        for (int t = 0; t < n; t++) {
            hitRules[number[t]] = hits[t];
        }
        states = n;
        accepting = numbered;
        step = new int[n * classes];
        for (int i = 0; i < step.length; i++) {
            int t = next[i];
            step[i] = t * classes << shift | number[t];
        }
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
        long found = always;
        int a = 0;
        int b = 0;
        int both = Math.min(endA, lengthB);
        int shift = this.shift;
        int mask = hitMask;
        for (int i = 0; i < both; i++) {
            char ca = text.charAt(i);
            char cb = text.charAt(mid + i);
            a = step[(a >>> shift) + (ca < ASCII ? classOf[ca] : 0)];
            b = step[(b >>> shift) + (cb < ASCII ? classOf[cb] : 0)];
            if (((a | b) & mask) != 0) {
                found |= hitRules[a & mask] | hitRules[b & mask];
            }
        }
        for (int i = both; i < endA; i++) {
            char c = text.charAt(i);
            a = step[(a >>> shift) + (c < ASCII ? classOf[c] : 0)];
            found |= hitRules[a & mask];
        }
        for (int i = both; i < lengthB; i++) {
            char c = text.charAt(mid + i);
            b = step[(b >>> shift) + (c < ASCII ? classOf[c] : 0)];
            found |= hitRules[b & mask];
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
        int shiftA = shift;
        int maskA = hitMask;
        int shiftB = other.shift;
        int maskB = other.hitMask;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            a = step[(a >>> shiftA) + (c < ASCII ? classOf[c] : 0)];
            b = other.step[(b >>> shiftB) + (c < ASCII ? other.classOf[c] : 0)];
            if ((a & maskA | b & maskB) != 0) {
                found |= hitRules[a & maskA] | other.hitRules[b & maskB];
            }
        }
        return found;
    }

    private long walk(String text, int from, int to) {
        long found = 0;
        int s = 0;
        int shift = this.shift;
        int mask = hitMask;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            s = step[(s >>> shift) + (c < ASCII ? classOf[c] : 0)];
            found |= hitRules[s & mask];
        }
        return found;
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
        return "LiteralIndex[" + states + " states, " + classes + " classes, always " + Long.toBinaryString(always)
                + ", " + accepting + " accepting]";
    }
}
