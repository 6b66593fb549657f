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
    private final List<String> prefilter;

    private WordingPattern(Pattern pattern, boolean lowered, List<String> prefilter) {
        this.pattern = pattern;
        this.lowered = lowered;
        this.prefilter = prefilter;
    }

    /** {@code regex} matched case-insensitively, with {@code flags} (e.g. MULTILINE) added. */
    public static WordingPattern compile(String regex, int flags) {
        boolean lowered = Ascii.noUpperCaseLiteral(regex, "SDWB");
        List<String> literals = lowered ? Ascii.requiredLiterals(regex) : null;
        return new WordingPattern(Pattern.compile(regex, flags | (lowered ? 0 : Pattern.CASE_INSENSITIVE)), lowered,
                literals == null ? List.of() : List.copyOf(literals));
    }

    public static WordingPattern compile(String regex) {
        return compile(regex, 0);
    }

    /** {@code text} with A-Z lowered, to pass as {@code lower} below (computed once per text, not per rule). */
    public static String lower(String text) {
        return Ascii.lower(text);
    }

    /** False only when no match is possible ({@code lower} holds none of the required literals). */
    public boolean mayMatch(String lower) {
        if (!lowered || prefilter.isEmpty()) {
            return true;
        }
        for (String p : prefilter) {
            if (lower.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the regex finds a match in {@code text}; {@code lower} is {@code lower(text)}. */
    public boolean find(String text, String lower) {
        return lowered ? mayMatch(lower) && pattern.matcher(lower).find() : pattern.matcher(text).find();
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

    /** The literals of {@link Ascii#requiredLiterals}, for tests. */
    List<String> prefilter() {
        return new ArrayList<>(prefilter);
    }
}
