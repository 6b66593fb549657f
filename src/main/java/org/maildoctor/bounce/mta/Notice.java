package org.maildoctor.bounce.mta;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maildoctor.smtp.WordingPattern;
import org.maildoctor.text.Bytes;
import org.maildoctor.text.Latin1Search;

/** Reading helpers shared by the free-form dialects: addresses, the refused SMTP command, the returned message. */
public final class Notice {

    /** An address; quantifiers are bounded (RFC 5321 §4.5.3.1 limits) so a long run of text is scanned in linear time. */
    public static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\\-\\u0080-\\uFFFF]{1,64}@[A-Za-z0-9\\-\\u0080-\\uFFFF]{1,63}"
                    + "(?:\\.[A-Za-z0-9\\-\\u0080-\\uFFFF]{1,63}){1,8}");

    /**
     * Where bounces name the refused command: Postfix {@code (in reply to RCPT TO command)}, Sendmail's
     * transcript {@code >>> RCPT To:}, Exim {@code after RCPT TO}, qmail {@code most progress was RCPT TO},
     * DragonFly {@code did not like our final DATA}, Exchange {@code SMTP:RCPT}, Yahoo {@code [RCPT_TO]}.
     */
    static final List<WordingPattern> IN_REPLY_TO = List.of(
            // spelled in lower case so that they run case-sensitively on lowered text (see WordingPattern)
            wording("in\\s+reply\\s+to\\s+(?:the\\s+)?(?:end\\s+of\\s+)?([a-z]+)(?:\\s+[a-z]+)?\\s+command"),
            // its start check (mayStartCommandAfter) runs the regex only where a command name, "the" or "final"
            // follows a start literal; the prefilter, a command name anywhere ("mail" is in most notices), would
            // rule out few texts more for scans of every text
            wording("(?:after|while sending|in response to|did not like our|progress was|smtp:|\\[)\\s*(?:the\\s+)?(?:final\\s+)?"
                    + "(rcpt[ _]to|mail[ _]from|rcpt|mail|data|helo|ehlo|starttls|auth|end of data)\\b").withoutPrefilter(),
            wording("^\\s*>>>\\s*(rcpt|mail|data|helo|ehlo|quit|starttls)\\b"),
            wording("smtp error from remote (?:mail server|mailer) after (?:end of )?([a-z]+)"),
            wording("smtp error from remote server for ([a-z]+) command"));
    /**
     * What must follow the start literals of each of {@link #IN_REPLY_TO} (null: not checked): "in" of the
     * first is a part of many words, and "[" and "after" of the second are in most notices, each a try of
     * the regex; see {@link #mayStartReplyTo} and {@link #mayStartCommandAfter}. NoticeCommandTest compares
     * {@link #command} with the single regex, and these checks with the regexes they guard.
     */
    static final List<WordingPattern.StartCheck> START_CHECKS = java.util.Arrays.asList(
            Notice::mayStartReplyTo, Notice::mayStartCommandAfter, null, null, null);

    /** "in" ends at {@code end}: the first regex needs {@code \s+reply} next. */
    static boolean mayStartReplyTo(String lower, int at, int end) {
        int i = skipSpace(lower, end);
        return i > end && lower.startsWith("reply", i);
    }

    /**
     * A start literal of the second regex ends at {@code end}: after {@code \s*} comes "the", "final" or a
     * command name of the regex (each of those opens with one of these words).
     */
    static boolean mayStartCommandAfter(String lower, int at, int end) {
        int i = skipSpace(lower, end);
        if (i >= lower.length()) {
            return false;
        }
        return switch (lower.charAt(i)) {
            case 't' -> lower.startsWith("the", i);
            case 'f' -> lower.startsWith("final", i);
            case 'r' -> lower.startsWith("rcpt", i);
            case 'm' -> lower.startsWith("mail", i);
            case 'd' -> lower.startsWith("data", i);
            case 'h' -> lower.startsWith("helo", i);
            case 'e' -> lower.startsWith("ehlo", i) || lower.startsWith("end of data", i);
            case 's' -> lower.startsWith("starttls", i);
            case 'a' -> lower.startsWith("auth", i);
            default -> false;
        };
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && isRegexSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static WordingPattern wording(String regex) {
        return WordingPattern.compile(regex, Pattern.MULTILINE);
    }

    /** The Sendmail transcript line ({@code >>> RCPT To:}) of the list above. */
    private static final WordingPattern TRANSCRIPT = IN_REPLY_TO.get(2);

    /** Lines where the returned message (or its headers) starts inside a plain-text notice. */
    private static final Pattern RETURNED_START = Pattern.compile(
            "^(?:-+ ?(?:This is a copy of|Original message|Below this line is a copy|The header of the original message"
                    + "|Original Message|original message follows|Returned mail|Unsent message below|Original message headers"
                    + "|Message header follows|Headers of the original)"
                    + "|Message headers follow|--- Below this line is a copy|Original message follows|The original message was:"
                    + "|[-=]+ ?(?:Original|Returned|Unsent|Undelivered) (?:message|mail)"
                    + "|\\s*-+ ?Original message ?-+)",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

    private Notice() {
    }

    /** Distinct addresses in order of appearance, lower-cased domain kept as written. */
    public static List<String> addresses(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (Span s = findAddress(text, 0); s != null; s = findAddress(text, s.end())) {
            String a = s.of(text);
            while (a.endsWith(".")) {
                a = a.substring(0, a.length() - 1);
            }
            out.add(a);
        }
        return new ArrayList<>(out);
    }

    /** Where a match starts and ends in its text. */
    public record Span(int start, int end) {
        public String of(String text) {
            return text.substring(start, end);
        }
    }

    /**
     * The first match of {@link #ADDRESS} in {@code text} at or after {@code from}, as {@code find(from)} finds it,
     * or null; looked for only where a match can begin. The local part holds no '@', so a match's '@' is the
     * first one after its start; for the next '@' the leftmost possible start is found by walking back over
     * local-part characters (at most 64): a match there takes the whole run up to the '@', and if the domain
     * after that '@' does not match, no start before the same '@' can either, so the search moves on to the
     * next '@'. The domain is then read by {@link #domainEnd} rather than the regex (which ran at every
     * candidate of every notice). A surrogate (the regex's classes do not take supplementary characters as
     * pairs) leaves the search to the regex: plain {@code find} from 128 chars back in a local part, {@code
     * lookingAt} in a domain. NoticeAddressTest compares this with {@code find}.
     */
    public static Span findAddress(String text, int from) {
        int at = text.indexOf('@', from);
        while (at >= 0) {
            int floor = Math.max(from, at - 64);
            int s = at;
            while (s > floor && isLocalPartChar(text.charAt(s - 1))) {
                s--;
            }
            if (s > floor && Character.isSurrogate(text.charAt(s - 1))) {
                Matcher m = ADDRESS.matcher(text);
                return m.find(Math.max(from, at - 128)) ? new Span(m.start(), m.end()) : null;
            }
            if (s < at) {
                int end = domainEnd(text, at + 1);
                if (end == SURROGATE) {
                    Matcher m = ADDRESS.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
                    m.region(s, text.length());
                    if (m.lookingAt()) {
                        return new Span(s, m.end());
                    }
                } else if (end >= 0) {
                    return new Span(s, end);
                }
            }
            at = text.indexOf('@', at + 1);
        }
        return null;
    }

    private static final int SURROGATE = -2;

    /**
     * Where {@link #ADDRESS}'s domain, {@code L{1,63}(?:\.L{1,63}){1,8}} with L its label class, ends when it
     * starts at {@code i}; -1 when it does not match there, {@link #SURROGATE} when a surrogate is in the way.
     * A label is a maximal run of label characters (no '.'), so the greedy regex backtracks to no other split:
     * a first label longer than 63 fails; a later one is cut at 63, where the next repetition finds no '.'.
     */
    private static int domainEnd(String t, int i) {
        int run = labelRun(t, i);
        if (run < 0) {
            return run;
        }
        if (run == 0 || run > 63) {
            return -1;
        }
        int end = i + run;
        int groups = 0;
        while (groups < 8 && end < t.length() && t.charAt(end) == '.') {
            int r = labelRun(t, end + 1);
            if (r == SURROGATE) {
                return SURROGATE;
            }
            if (r <= 0) {
                break;
            }
            end += 1 + Math.min(r, 63);
            groups++;
            if (r > 63) {
                break;
            }
        }
        return groups == 0 ? -1 : end;
    }

    /** The length of the run of label characters ({@code [A-Za-z0-9\-\u0080-\uFFFF]}) at {@code i}, or {@link #SURROGATE}. */
    private static int labelRun(String t, int i) {
        int j = i;
        while (j < t.length()) {
            char c = t.charAt(j);
            if (c >= 0x80) {
                if (Character.isSurrogate(c)) {
                    return SURROGATE;
                }
            } else if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) {
                break;
            }
            j++;
        }
        return j - i;
    }

    /** The local-part class of {@link #ADDRESS}, surrogates excepted (see findAddress). */
    private static boolean isLocalPartChar(char c) {
        if (c >= 0x80) {
            return !Character.isSurrogate(c);
        }
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || ".!#$%&'*+/=?^_`{|}~-".indexOf(c) >= 0;
    }

    /** The SMTP command the remote server refused, upper-case, or empty. */
    public static String command(String text) {
        String lower = WordingPattern.lower(text);
        // The leftmost match of the alternatives, the earlier one on a tie: what one regex of them all
        // would find. Kept apart so that each skips texts without its own literals, and searches only
        // before the best match so far.
        Matcher m = null;
        for (int i = 0; i < IN_REPLY_TO.size(); i++) {
            WordingPattern p = IN_REPLY_TO.get(i);
            int before = m == null ? Integer.MAX_VALUE : m.start();
            Matcher c = p == TRANSCRIPT ? findTranscript(text, lower, before) : p.findFirst(text, lower, before, START_CHECKS.get(i));
            if (c != null) {
                m = c;
            }
        }
        if (m == null) {
            return "";
        }
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                String c = m.group(g).toUpperCase(Locale.ROOT);
                if (c.startsWith("RCPT")) {
                    return "RCPT";
                }
                if (c.startsWith("MAIL")) {
                    return "MAIL";
                }
                if (c.startsWith("END") || c.equals("DATA") || c.equals("TEXT")) {
                    return "DATA";
                }
                if (c.equals("INITIAL") || c.equals("CONNECT")) {
                    return "CONN"; // Exim: "after initial connection"
                }
                return c;
            }
        }
        return "";
    }

    /**
     * {@link #TRANSCRIPT}'s first match if it starts before {@code before}, else null. Its literal prefilter is
     * the command names ("mail", "data"), which most replies hold, and the regex opens with ^: so it is
     * tried only with a "&gt;&gt;&gt;" in the text, and only at the line starts from that one's line on (see
     * {@link #earliestLineStart}), where find tried it at every character.
     */
    static Matcher findTranscript(String text, String lower, int before) {
        int at = lower.indexOf(">>>");
        Matcher t = at < 0 ? null : TRANSCRIPT.matcherOrNull(text, lower);
        if (t == null) {
            return null;
        }
        Matcher c = findAtLineStarts(t, lower, earliestLineStart(lower, at));
        return c != null && c.start() < before ? c : null;
    }

    /**
     * The first line start from which a match holding the literal at {@code at} can begin: {@code at}'s line,
     * or above it as far as the lines before are only white space ({@code \s*} after {@code ^} crosses them).
     * In text with other line terminators (where {@code ^} also matches after CR) simply the start.
     */
    static int earliestLineStart(String text, int at) {
        if (otherLineEnds(text)) {
            return 0;
        }
        int p = text.lastIndexOf('\n', at - 1) + 1;
        while (p > 0) {
            int prev = text.lastIndexOf('\n', p - 2) + 1;
            for (int i = prev; i < p - 1; i++) {
                if (!isRegexSpace(text.charAt(i))) {
                    return p;
                }
            }
            p = prev;
        }
        return p;
    }

    private static boolean sameIgnoringAsciiCase(String text, int at, String lower) {
        for (int j = 1; j < lower.length(); j++) {
            char c = text.charAt(at + j);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != lower.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    /** Whether one of {@code values} contains {@code part} (a loop: dialects ask this of every message). */
    static boolean anyContains(List<String> values, String part) {
        for (String v : values) {
            if (v.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /** The last text asked about and its answer: every dialect that reads a notice asks, several per message. */
    private record Memo(String text, int start) {
    }

    private static volatile Memo lastReturnedStart = new Memo("", 0);

    /**
     * Offset where a returned message starts in {@code text}, or the text's length. Every alternative of
     * {@link #RETURNED_START} begins at a line start, with '-', '=', M, O, T, or white space and then '-';
     * so in LF-only text the regex is tried only at such line starts ({@code lookingAt} with transparent,
     * non-anchoring bounds matches at a position as {@code find} does), found with the vectorised
     * {@code indexOf('\n')}: {@code find} itself tried all of it at every character of every notice.
     * Text with other line terminators (rare after decoding) takes plain {@code find}. Same result as
     * {@code RETURNED_START.matcher(text).find()} ({@code NoticeScanTest}).
     */
    public static int returnedStart(String text) {
        Memo last = lastReturnedStart;
        if (last.text() == text) {
            return last.start();
        }
        int start = otherLineEnds(text) ? returnedStartByRegex(text) : returnedStartByLines(text);
        lastReturnedStart = new Memo(text, start);
        return start;
    }

    private static boolean otherLineEnds(String text) {
        LineEnds memo = LINE_ENDS.get();
        if (memo.text == text) {
            return memo.other;
        }
        if (memo.previous == text) {
            return memo.previousOther;
        }
        byte[] latin1 = Latin1Search.exact(text); // all Latin-1: no U+2028 or U+2029 in it
        boolean other = latin1 != null ? Bytes.indexOfEither(latin1, (byte) '\r', (byte) 0x85, 0, latin1.length) >= 0
                : text.indexOf('\r') >= 0 || text.indexOf('\u0085') >= 0 || text.indexOf('\u2028') >= 0
                || text.indexOf('\u2029') >= 0;
        memo.previous = memo.text;
        memo.previousOther = memo.other;
        memo.text = text;
        memo.other = other;
        return other;
    }

    /**
     * The last two texts {@link #otherLineEnds} looked at on this thread, and its answers: the notice readers ask
     * it of a notice and of its lowered copy, several times each, and each answer was up to four scans.
     */
    private static final class LineEnds {
        String text;
        boolean other;
        String previous;
        boolean previousOther;
    }

    private static final ThreadLocal<LineEnds> LINE_ENDS = ThreadLocal.withInitial(LineEnds::new);

    private static int returnedStartByLines(String text) {
        byte[] latin1 = Latin1Search.exact(text);
        Matcher m = RETURNED_START.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int n = text.length();
        for (int p = 0; p < n; ) {
            if (mayStartReturned(text, p)) {
                m.region(p, n);
                if (m.lookingAt()) {
                    return p;
                }
            }
            int nl = lineEnd(text, latin1, p);
            if (nl < 0) {
                break;
            }
            p = nl + 1;
        }
        return n;
    }

    /** Whether a match can start at line start {@code p}: see {@link #returnedStart}. */
    private static boolean mayStartReturned(String text, int p) {
        char c = text.charAt(p);
        switch (c) {
            case '-', '=' -> {
                return dashesThenWord(text, p);
            }
            // the words of the alternatives that open with a letter: most lines start with some other word
            case 'm', 'M' -> {
                return text.regionMatches(true, p, "message headers follow", 0, 22);
            }
            case 'o', 'O' -> {
                return text.regionMatches(true, p, "original message follows", 0, 24);
            }
            case 't', 'T' -> {
                return text.regionMatches(true, p, "the original message was:", 0, 25);
            }
            default -> {
                int i = p;
                while (i < text.length() && isRegexSpace(text.charAt(i))) {
                    i++;
                }
                return i > p && i < text.length() && text.charAt(i) == '-' && dashesThenWord(text, i);
            }
        }
    }

    /**
     * After a run of '-' and '=' and at most one space, the first letter of one of the phrases that may follow
     * such a run ("This is a copy", "Original message", "Below this line", "Returned mail", "Unsent",
     * "Undelivered", "Message header", "Headers of"): a line of dashes alone is a separator in any notice.
     */
    private static boolean dashesThenWord(String text, int p) {
        int i = p;
        while (i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '=')) {
            i++;
        }
        if (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        if (i >= text.length()) {
            return false;
        }
        return switch (text.charAt(i)) {
            case 't', 'T', 'o', 'O', 'b', 'B', 'r', 'R', 'u', 'U', 'm', 'M', 'h', 'H' -> true;
            default -> false;
        };
    }

    /** {@code \s} of java.util.regex without UNICODE_CHARACTER_CLASS. */
    static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /**
     * {@code pattern.matcher(text).find(from)} for a MULTILINE pattern whose every alternative starts with
     * {@code ^}: in LF-only text tried only at line starts (found with the vectorised {@code indexOf}),
     * where java.util.regex would try, and fail, the whole pattern at every character. Text with other
     * line terminators takes plain {@code find}. The matcher after the match, or null.
     */
    static Matcher findAtLineStarts(Pattern pattern, String text, int from) {
        return findAtLineStarts(pattern.matcher(text), text, from);
    }

    /** {@link #findAtLineStarts(Pattern, String, int)} with {@code m}, a matcher over {@code text}. */
    private static Matcher findAtLineStarts(Matcher m, String text, int from) {
        if (otherLineEnds(text)) {
            return m.find(from) ? m : null;
        }
        m.useTransparentBounds(true).useAnchoringBounds(false);
        int n = text.length();
        byte[] latin1 = Latin1Search.exact(text);
        int p = from == 0 || text.charAt(from - 1) == '\n' ? from : nextLine(text, latin1, from);
        while (p >= 0 && p < n) {
            m.region(p, n);
            if (m.lookingAt()) {
                return m;
            }
            p = nextLine(text, latin1, p);
        }
        return null;
    }

    private static int nextLine(String text, byte[] latin1, int p) {
        int nl = lineEnd(text, latin1, p);
        return nl < 0 ? -1 : nl + 1;
    }

    /** The first LF at or after {@code p}; {@code latin1} is {@link Latin1Search#exact}{@code (text)}. */
    private static int lineEnd(String text, byte[] latin1, int p) {
        return latin1 != null ? Bytes.indexOf(latin1, (byte) '\n', p, latin1.length) : text.indexOf('\n', p);
    }

    /** Where {@code ^} matches in MULTILINE mode: after any line terminator, but not between CR and LF. */
    static boolean startsLine(String text, int p) {
        if (p == 0) {
            return true;
        }
        char before = text.charAt(p - 1);
        if (before == '\r') {
            return text.charAt(p) != '\n';
        }
        return before == '\n' || before == '\u0085' || before == '\u2028' || before == '\u2029';
    }

    /** The regex {@link #returnedStart} stands for, for tests. */
    static int returnedStartByRegex(String text) {
        Matcher m = RETURNED_START.matcher(text);
        return m.find() ? m.start() : text.length();
    }
}
