package org.maildoctor.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A case-insensitive wording regex that is cheap to run on many texts. When the regex spells no
 * upper-case letter it is compiled case-sensitive and run on text lowered once by the caller
 * ({@link #lower}), which matches exactly the same (CASE_INSENSITIVE folds US-ASCII only, and so does
 * the lowering); and when every top-level alternative holds a literal that any match must contain,
 * texts that contain none of them skip the regex (the engine would try every alternative at every
 * position only to fail). Hand-written because no regex library here prefilters by literals.
 */
public final class WordingPattern {
    private final Pattern pattern;
    private final boolean lowered;
    private final Literals prefilter;
    private final Literals starts;

    private WordingPattern(Pattern pattern, boolean lowered, Literals prefilter, Literals starts) {
        this.pattern = pattern;
        this.lowered = lowered;
        this.prefilter = prefilter;
        this.starts = starts;
    }

    /** {@code regex} matched case-insensitively, with {@code flags} (e.g. MULTILINE) added. */
    public static WordingPattern compile(String regex, int flags) {
        boolean lowered = Ascii.noUpperCaseLiteral(regex, "SDWB");
        List<String> literals = lowered ? Ascii.requiredLiterals(regex) : null;
        List<String> starts = lowered ? Ascii.withoutLongerStarts(Ascii.startLiterals(regex)) : null;
        return new WordingPattern(Pattern.compile(regex, flags | (lowered ? 0 : Pattern.CASE_INSENSITIVE)), lowered,
                Literals.of(literals == null ? List.of() : literals), Literals.of(starts));
    }

    public static WordingPattern compile(String regex) {
        return compile(regex, 0);
    }

    /**
     * This pattern without its literal prefilter, for a caller whose {@link StartCheck} asks for more than the
     * prefilter does: scanning the text for the prefilter's literals would then only add to the cost.
     */
    public WordingPattern withoutPrefilter() {
        return new WordingPattern(pattern, lowered, Literals.of(List.of()), starts);
    }

    /** {@code text} with A-Z lowered, to pass as {@code lower} below (computed once per text, not per rule). */
    public static String lower(String text) {
        return Ascii.lower(text);
    }

    /**
     * Where {@code text} first holds {@code lowerLiteral} (no A-Z) in any mix of ASCII case, as CASE_INSENSITIVE
     * folds, or -1; for prefilters outside this package, without a lowered copy of {@code text}.
     */
    public static int indexOfLowered(String text, String lowerLiteral) {
        return Ascii.indexOfLowerLiteral(text, lowerLiteral);
    }

    /** False only when no match is possible ({@code lower} holds none of the required literals). */
    public boolean mayMatch(String lower) {
        if (!lowered || prefilter.isEmpty()) {
            return true;
        }
        byte[] latin1 = Ascii.latin1(lower);
        for (int j = 0; j < prefilter.size(); j++) {
            if (prefilter.indexOf(j, lower, latin1, 0, lower.length()) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether the regex finds a match in {@code text}; {@code lower} is {@code lower(text)}. */
    public boolean find(String text, String lower) {
        return findFirst(text, lower) != null;
    }

    /**
     * The matcher after the leftmost match, as {@code matcher.find()} leaves it (offsets and groups over
     * the text the pattern runs on, see {@link #matcherOrNull}), or null when there is none.
     */
    public Matcher findFirst(String text, String lower) {
        return findFirst(text, lower, Integer.MAX_VALUE, null);
    }

    /**
     * {@link #findFirst(String, String)} when its match starts before {@code before}, else null; where the
     * pattern has start literals the search stops there, and tries the regex only at those occurrences that
     * {@code check} (null: any) lets through. For a caller that already holds a match further left (a regex
     * cannot match before where it can start) and knows what must follow a start literal.
     */
    public Matcher findFirst(String text, String lower, int before, StartCheck check) {
        if (!lowered) {
            Matcher m = pattern.matcher(text);
            return m.find() && m.start() < before ? m : null;
        }
        return mayMatch(lower) ? firstMatch(pattern, lower, starts, before, check) : null;
    }

    /** What a caller of {@link #findFirst(String, String, int, StartCheck)} knows must follow a start literal. */
    @FunctionalInterface
    public interface StartCheck {
        /**
         * False only when no match can start at {@code at} of {@code lower} (the lowered text), where one of
         * the start literals occurs, ending at {@code end}.
         */
        boolean mayStart(String lower, int at, int end);
    }

    static Matcher firstMatch(Pattern pattern, String text, List<String> starts) {
        return firstMatch(pattern, text, starts, Integer.MAX_VALUE, null);
    }

    /**
     * {@code pattern.matcher(text)} after {@code find()}, or null; with {@code starts} (literals every match
     * starts with, {@link Ascii#startLiterals}) the match is tried only where one of them occurs, in
     * increasing order: java.util.regex has no such skip for a pattern that opens with alternatives, and
     * tries every alternative at every position. {@code lookingAt} over a region with transparent,
     * non-anchoring bounds matches at a position exactly as {@code find} does there ({@code \b},
     * lookbehinds and {@code ^} still see the text before it), so the first success is find's match.
     * Null as well when that match starts at or after {@code before}; see {@link StartCheck} for {@code check}.
     */
    static Matcher firstMatch(Pattern pattern, String text, List<String> starts, int before, StartCheck check) {
        Matcher m = pattern.matcher(text);
        if (starts == null) {
            return m.find() && m.start() < before ? m : null;
        }
        m.useTransparentBounds(true).useAnchoringBounds(false);
        // next[j]: where starts[j] first occurs at or after `from`, when found (< from: not known); clear[j]:
        // it starts nowhere from `from` up to there. Each literal is looked for only before the nearest
        // candidate so far, so the literals after a matching one are not scanned to the end of the text.
        int n = text.length();
        Literals literals = starts instanceof Literals l ? l : Literals.of(starts);
        byte[] latin1 = Ascii.latin1(text);
        int[] next = new int[literals.size()];
        int[] clear = new int[literals.size()];
        java.util.Arrays.fill(next, -1);
        int limit = Math.min(before, n + 1);
        int from = 0;
        while (true) {
            int p = limit;
            int literal = -1;
            for (int j = 0; j < next.length; j++) {
                if (next[j] < from) {
                    int s = Math.max(from, clear[j]);
                    if (s < p) {
                        String l = literals.get(j);
                        int end = Math.min(n, p - 1 + l.length());
                        int at = s + l.length() <= end ? literals.indexOf(j, text, latin1, s, end) : -1;
                        if (at >= 0) {
                            next[j] = at;
                        } else {
                            clear[j] = p;
                        }
                    }
                }
                if (next[j] >= from && next[j] < p) {
                    p = next[j];
                    literal = j;
                }
            }
            if (literal < 0) {
                return null;
            }
            if (check == null || check.mayStart(text, p, p + literals.get(literal).length())) {
                m.region(p, n);
                if (m.lookingAt()) {
                    return m;
                }
            }
            from = p + 1;
        }
    }

    /**
     * A matcher over the text the pattern runs on (the lowered text when lowered: offsets are the
     * same, group values differ only in A-Z case), or null when no match is possible.
     */
    public Matcher matcherOrNull(String text, String lower) {
        if (!lowered) {
            return pattern.matcher(text);
        }
        return mayMatch(lower) ? pattern.matcher(lower) : null;
    }

    public String source() {
        return pattern.pattern();
    }

    /** The literals of {@link Ascii#startLiterals}, or null, for tests. */
    List<String> starts() {
        return starts;
    }

    /** The literals of {@link Ascii#requiredLiterals}, for tests. */
    List<String> prefilter() {
        return new ArrayList<>(prefilter);
    }

    /**
     * An ordered list of patterns of which the first that matches is wanted: their prefilters are
     * checked together, in one pass over the lowered text ({@link LiteralIndex}), rather than one
     * {@code contains} per literal per pattern.
     */
    public static final class FirstOf {
        private final List<WordingPattern> patterns;
        private final LiteralIndex index;

        public FirstOf(List<WordingPattern> patterns) {
            this.patterns = List.copyOf(patterns);
            this.index = new LiteralIndex(this.patterns.stream().map(p -> p.lowered ? p.prefilter : List.<String>of()).toList());
        }

        /** The index of the first pattern that {@link #find finds} a match in {@code text}, or -1; {@code lower} is {@code lower(text)}. */
        public int first(String text, String lower) {
            return first(text, lower, possible(lower), 0, patterns.size());
        }

        /** Bit {@code i} clear: pattern {@code i} cannot match {@code lower} (none of its literals is there). At most 64 patterns. */
        public long possible(String lower) {
            return index.possible(lower);
        }

        /** {@link #first(String, String)} among the patterns {@code from} (inclusive) to {@code to}, {@code possible} being {@link #possible}{@code (lower)}. */
        public int first(String text, String lower, long possible, int from, int to) {
            for (int i = from; i < to; i++) {
                if ((possible >>> i & 1) == 0) {
                    continue;
                }
                WordingPattern p = patterns.get(i);
                boolean found = p.lowered ? firstMatch(p.pattern, lower, p.starts) != null : p.pattern.matcher(text).find();
                if (found) {
                    return i;
                }
            }
            return -1;
        }
    }
}
