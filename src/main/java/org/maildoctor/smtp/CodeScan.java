package org.maildoctor.smtp;

/**
 * Hand-written scanners for reply codes ({@code 550}) and enhanced status codes ({@code 5.1.1}) in
 * text, each replacing one regex that ran on every diagnostic of every bounce. The regexes open with
 * a lookbehind or an alternation, so java.util.regex tries them at every position of the text, which
 * made them a large share of reading a bounce; a scan that looks at a position only when its
 * character can start a code does the same work in one pass. Each method names the regex it
 * replaces, and CodeScanTest compares the two over generated reply-shaped text.
 *
 * <p>{@code \d} and {@code \s} in those regexes are ASCII ([0-9], [ \t\n\x0B\f\r]): java.util.regex
 * reads them so without UNICODE_CHARACTER_CLASS, and so do {@link #digit} and {@link #space}.
 *
 * <p>They take a String, not a CharSequence: under the quick JIT compiler of a short run (C1), a call through
 * the interface cannot be inlined and goes through a dispatch stub for every character looked at.
 */
public final class CodeScan {

    private CodeScan() {
    }

    public static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code \s}. */
    public static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** {@code [245]}: a class digit of an enhanced status code, and the first digit of a failure or success reply. */
    public static boolean statusClass(char c) {
        return c == '2' || c == '4' || c == '5';
    }

    /**
     * The end of an enhanced status code {@code [245]\.\d{1,3}\.\d{1,3}} starting at {@code at}, whose
     * digit runs are not followed by another digit, or -1. Every regex replaced here needs that: after
     * a run cut short by the {@code {1,3}} bound comes a digit, which none of them accepts next.
     */
    public static int statusEnd(String s, int at) {
        int n = s.length();
        if (at + 4 >= n || !statusClass(s.charAt(at)) || s.charAt(at + 1) != '.') {
            return -1;
        }
        int i = digits(s, at + 2);
        if (i < 0 || i >= n || s.charAt(i) != '.') {
            return -1;
        }
        return digits(s, i + 1);
    }

    /** The end of a run of 1 to 3 digits at {@code at} not followed by a fourth digit, or -1. */
    private static int digits(String s, int at) {
        int n = s.length();
        int i = at;
        while (i < n && i - at < 4 && digit(s.charAt(i))) {
            i++;
        }
        return i == at || i - at > 3 ? -1 : i;
    }

    /** {@code (?![\d.]*\d)} at {@code at}: no digit after any dots there. */
    public static boolean noDigitAfterDots(String s, int at) {
        int i = at;
        while (i < s.length() && s.charAt(i) == '.') {
            i++;
        }
        return i >= s.length() || !digit(s.charAt(i));
    }

    /** {@code (?!\.?\d)} at {@code at}. */
    public static boolean noDigitAfterOneDot(String s, int at) {
        int i = at < s.length() && s.charAt(at) == '.' ? at + 1 : at;
        return i >= s.length() || !digit(s.charAt(i));
    }

    /** {@code [245]\d\d} at {@code at}. */
    public static boolean replyCodeAt(String s, int at) {
        return at + 2 < s.length() && statusClass(s.charAt(at)) && digit(s.charAt(at + 1)) && digit(s.charAt(at + 2));
    }

    /**
     * The start of the first match at or after {@code from} of
     * {@code (?<![\d.])([245]\.\d{1,3}\.\d{1,3})(?![\d.]*\d)} (a status code written on its own, not a
     * piece of a version or an IP address), or -1; it ends at {@link #statusEnd}.
     */
    public static int standaloneStatus(String s, int from) {
        int n = s.length();
        for (int i = Math.max(from, 0); i + 4 < n; i++) {
            if (!statusClass(s.charAt(i))) {
                continue;
            }
            if (i > 0 && (digit(s.charAt(i - 1)) || s.charAt(i - 1) == '.')) {
                continue;
            }
            int end = statusEnd(s, i);
            if (end >= 0 && noDigitAfterDots(s, end)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The first match at or after {@code from} of
     * {@code (?<!\d)[245]\d\d[ -]['"]?([245]\.\d{1,3}\.\d{1,3})(?![\d.]*\d)} (a status code written
     * right after a reply code), as the start of its status code; the match starts at
     * {@link #replyCodeBefore} of it. -1 when there is none.
     */
    public static int statusAfterReplyCode(String s, int from) {
        int n = s.length();
        for (int i = Math.max(from, 0); i + 8 < n; i++) {
            if (!replyCodeAt(s, i) || i > 0 && digit(s.charAt(i - 1))) {
                continue;
            }
            char sep = s.charAt(i + 3);
            if (sep != ' ' && sep != '-') {
                continue;
            }
            // the quote is optional, but no status code starts with one: no need to try without it
            int at = s.charAt(i + 4) == '\'' || s.charAt(i + 4) == '"' ? i + 5 : i + 4;
            int end = statusEnd(s, at);
            if (end >= 0 && noDigitAfterDots(s, end)) {
                return at;
            }
        }
        return -1;
    }

    /** Where the reply code of a {@link #statusAfterReplyCode} match starts. */
    public static int replyCodeBefore(String s, int statusStart) {
        char c = s.charAt(statusStart - 1);
        return c == '\'' || c == '"' ? statusStart - 5 : statusStart - 4;
    }

    /** The status code between {@code start} and {@link #statusEnd}{@code (s, start)}, which must be one. */
    public static EnhancedStatus status(String s, int start, int end) {
        int dot = start + 2;
        while (s.charAt(dot) != '.') {
            dot++;
        }
        return new EnhancedStatus(ReplyClass.of(s.charAt(start) - '0'), number(s, start + 2, dot), number(s, dot + 1, end));
    }

    private static int number(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + s.charAt(i) - '0';
        }
        return v;
    }
}
