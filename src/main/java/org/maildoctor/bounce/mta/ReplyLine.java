package org.maildoctor.bounce.mta;

import java.util.regex.Pattern;

/**
 * Finds reply codes in a notice the way {@link #REGEX} does with {@code find()}: a basic code
 * ({@code 550 }, {@code 550-}, {@code 550} at a line end) or an enhanced status code
 * ({@code 5.1.1}), each at a line start or after white space or punctuation. Hand-written because the
 * regex, an alternation that opens with {@code ^}, was tried at every character of every notice
 * (java.util.regex cannot skip ahead to a digit); this scanner looks only at '2', '4' and '5'. Exactly
 * the regex's matches, start, end and order ({@code ReplyLineTest} compares them on generated text).
 */
final class ReplyLine {

    /** What this class computes; {@code \b} is ASCII-only ({@code [A-Za-z0-9_]}) since JDK 19, as below. */
    static final Pattern REGEX = Pattern.compile(
            "(?:^|[\\s:;'\"(<\\[#])[245]\\d\\d(?:[ -]|$)|(?:^|[\\s:;(#])[245]\\.\\d{1,3}\\.\\d{1,3}\\b", Pattern.MULTILINE);

    private final String text;
    private int from;
    /** Offsets of the last match, and the first digit of its code ('2', '4' or '5'). */
    int start;
    int end;
    char digit;

    ReplyLine(String text) {
        this.text = text;
    }

    /** The next match after the previous one (from the start the first time), like {@code Matcher.find()}. */
    boolean find() {
        int n = text.length();
        for (int p = from; p < n; p++) {
            if (!classDigit(text.charAt(p)) && (p + 1 == n || !classDigit(text.charAt(p + 1)))) {
                continue; // a code starts at p or, after one character, at p + 1
            }
            int e = matchAt(p);
            if (e >= 0) {
                start = p;
                end = e;
                // an empty match is impossible: a match holds at least three digits
                from = e;
                return true;
            }
        }
        from = n;
        return false;
    }

    /** The end of a match starting at {@code p}, trying the alternatives in the regex's order, or -1. */
    private int matchAt(int p) {
        boolean caret = Notice.startsLine(text, p);
        char c = text.charAt(p);
        int e;
        if (caret && (e = basicCode(p)) >= 0) {
            return found(p, e);
        }
        if (beforeBasic(c) && (e = basicCode(p + 1)) >= 0) {
            return found(p + 1, e);
        }
        if (caret && (e = enhanced(p)) >= 0) {
            return found(p, e);
        }
        if (beforeEnhanced(c) && (e = enhanced(p + 1)) >= 0) {
            return found(p + 1, e);
        }
        return -1;
    }

    private int found(int code, int e) {
        digit = text.charAt(code);
        return e;
    }

    /** {@code [245]\d\d(?:[ -]|$)} at {@code q}: its end, or -1. */
    private int basicCode(int q) {
        int n = text.length();
        if (q + 2 >= n || !classDigit(text.charAt(q)) || !digit(text.charAt(q + 1)) || !digit(text.charAt(q + 2))) {
            return -1;
        }
        int after = q + 3;
        if (after < n && (text.charAt(after) == ' ' || text.charAt(after) == '-')) {
            return after + 1;
        }
        return lineEnd(after) ? after : -1;
    }

    /** {@code [245]\.\d{1,3}\.\d{1,3}\b} at {@code q}: its end, or -1. */
    private int enhanced(int q) {
        int n = text.length();
        if (q + 1 >= n || !classDigit(text.charAt(q)) || text.charAt(q + 1) != '.') {
            return -1;
        }
        int i = q + 2;
        int run = digits(i);
        if (run < 1 || run > 3 || i + run >= n || text.charAt(i + run) != '.') {
            return -1;
        }
        i += run + 1;
        run = digits(i);
        if (run < 1 || run > 3) {
            return -1;
        }
        i += run;
        return i < n && word(text.charAt(i)) ? -1 : i;
    }

    private int digits(int i) {
        int j = i;
        while (j < text.length() && digit(text.charAt(j))) {
            j++;
        }
        return j - i;
    }

    /** MULTILINE {@code $}: the end of the text or before a line terminator. */
    private boolean lineEnd(int i) {
        if (i == text.length()) {
            return true;
        }
        char c = text.charAt(i);
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private static boolean beforeBasic(char c) {
        return Notice.isRegexSpace(c) || c == ':' || c == ';' || c == '\'' || c == '"' || c == '(' || c == '<' || c == '[' || c == '#';
    }

    private static boolean beforeEnhanced(char c) {
        return Notice.isRegexSpace(c) || c == ':' || c == ';' || c == '(' || c == '#';
    }

    private static boolean classDigit(char c) {
        return c == '2' || c == '4' || c == '5';
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean word(char c) {
        return digit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }
}
