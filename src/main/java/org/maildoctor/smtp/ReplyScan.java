package org.maildoctor.smtp;

import java.util.regex.Pattern;

/**
 * The line scanners of {@link SmtpReplyParser}, hand-written in place of the regexes kept below for
 * the tests (ReplyScanTest compares each with its regex over generated reply-shaped lines). The
 * regexes open with an alternation or a lookbehind, so java.util.regex tried them at every position
 * of every line of every diagnostic; with the patterns built per reply for continuation lines and
 * folded codes, they were most of the cost of parsing a reply. A scan looks only where a code can
 * start. {@code \s}, {@code \d} and {@code $} keep java.util.regex's meaning ({@link CodeScan}, {@link #dollar}).
 */
final class ReplyScan {

    /** A reply line; see {@link SmtpReplyParser}. Replaced by {@link #replyLine}. */
    static final Pattern REPLY_LINE = Pattern.compile(
            "(?:^|[:;'\"<>#(\\[]\\s*)([2-5][0-5]\\d)(?![\\d.])([ -]|$)(.*)$");
    /** Replaced by {@link #statusLine}. */
    static final Pattern STATUS_LINE = Pattern.compile(
            "(?:^|[:;'\"<>#(\\[]\\s*)([245]\\.\\d{1,3}\\.\\d{1,3})(?!\\.?\\d)(.*)$");
    /** Replaced by {@link #leadingStatus}. */
    static final Pattern LEADING_STATUS = Pattern.compile("^\\s*#?([245]\\.\\d{1,3}\\.\\d{1,3})(?!\\.?\\d)\\s*");
    /** An enhanced code inside the text, as qmail and Yahoo write it: {@code (#4.1.8)}, {@code #5.1.1}. Replaced by {@link #statusInText}. */
    static final Pattern STATUS_IN_TEXT = Pattern.compile("(?:^|[\\s(\\[#])#?([245]\\.\\d{1,3}\\.\\d{1,3})(?!\\.?\\d)");

    private ReplyScan() {
    }

    /** The characters before a code that end bounce prose: {@code [:;'"<>#(\[]}. */
    private static boolean prose(char c) {
        return c == ':' || c == ';' || c == '\'' || c == '"' || c == '<' || c == '>' || c == '#' || c == '(' || c == '[';
    }

    /**
     * Whether a code at {@code k} is where REPLY_LINE and STATUS_LINE may put it: at the line's start,
     * or after prose punctuation and optional spaces. At most one start fits each {@code k}, and
     * starts grow with {@code k}, so the first {@code k} that matches is find's leftmost match.
     */
    private static boolean codeMayStartAt(String line, int k) {
        if (k == 0) {
            return true;
        }
        int j = k - 1;
        while (j >= 0 && CodeScan.space(line.charAt(j))) {
            j--;
        }
        return j >= 0 && prose(line.charAt(j));
    }

    /** {@code .} without DOTALL: anything but a line terminator. */
    private static boolean lineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || (c | 1) == '\u2029';
    }

    /** {@code $} without MULTILINE at {@code i}: the end, or before one final line terminator (java.util.regex's Dollar). */
    static boolean dollar(String s, int i) {
        int n = s.length();
        if (i == n) {
            return true;
        }
        if (i == n - 2) {
            return s.charAt(i) == '\r' && s.charAt(i + 1) == '\n';
        }
        if (i != n - 1) {
            return false;
        }
        char c = s.charAt(i);
        if (c == '\n') {
            return i == 0 || s.charAt(i - 1) != '\r';
        }
        return c == '\r' || c == '\u0085' || (c | 1) == '\u2029';
    }

    /** The end of {@code (.*)} from {@code from} when {@code $} follows it, else -1. */
    private static int restEnd(String s, int from) {
        int j = from;
        while (j < s.length() && !lineTerminator(s.charAt(j))) {
            j++;
        }
        return dollar(s, j) ? j : -1;
    }

    /**
     * REPLY_LINE's {@code find()}: the start of group 1 (the code), or -1. Then the separator (group 2)
     * is {@link #separator}, and the text (group 3) runs from {@link #afterSeparator} to {@link #restEnd}.
     */
    static int replyLine(String line) {
        int n = line.length();
        for (int k = 0; k + 2 < n; k++) {
            char a = line.charAt(k);
            char b = line.charAt(k + 1);
            if (a < '2' || a > '5' || b < '0' || b > '5' || !CodeScan.digit(line.charAt(k + 2))) {
                continue;
            }
            if (k + 3 < n && (CodeScan.digit(line.charAt(k + 3)) || line.charAt(k + 3) == '.')) {
                continue;
            }
            if (!codeMayStartAt(line, k) || codeTail(line, k + 3) < 0) {
                continue;
            }
            return k;
        }
        return -1;
    }

    /** {@code ([ -]|$)(.*)$} at {@code i}: the end of group 2, or -1. */
    private static int codeTail(String line, int i) {
        int after = i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '-') ? i + 1 : -1;
        if (after < 0 && !dollar(line, i)) {
            return -1;
        }
        if (after < 0) {
            after = i;
        }
        return restEnd(line, after) < 0 ? -1 : after;
    }

    /** Group 2 of a reply or continuation line whose code ends at {@code codeEnd} and text starts at {@code restAt}: "-", " " or "". */
    static String separator(String line, int codeEnd, int restAt) {
        return restAt > codeEnd ? String.valueOf(line.charAt(codeEnd)) : "";
    }

    /** Where group 3 starts, for a line whose code ends at {@code codeEnd}. */
    static int afterSeparator(String line, int codeEnd) {
        return codeTail(line, codeEnd);
    }

    /** Group 3: the text from {@code from} to the end of {@code (.*)}. */
    static String rest(String line, int from) {
        return line.substring(from, restEnd(line, from));
    }

    /** STATUS_LINE's {@code find()}: the start of the status code (group 1), or -1; group 2 is {@link #rest} after its end. */
    static int statusLine(String line) {
        for (int k = 0; k + 4 < line.length(); k++) {
            if (!CodeScan.statusClass(line.charAt(k))) {
                continue;
            }
            int end = CodeScan.statusEnd(line, k);
            if (end >= 0 && CodeScan.noDigitAfterOneDot(line, end) && codeMayStartAt(line, k) && restEnd(line, end) >= 0) {
                return k;
            }
        }
        return -1;
    }

    /**
     * {@code "^\\s*" + code + "([ -]|$)(.*)$"}, the continuation of a multi-line reply: the end of
     * group 2 (where group 3 starts), or -1.
     */
    static int continuation(String line, String code) {
        int i = 0;
        while (i < line.length() && CodeScan.space(line.charAt(i))) {
            i++;
        }
        return line.startsWith(code, i) ? codeTail(line, i + code.length()) : -1;
    }

    /** Where the code of a {@link #continuation} line ends. */
    static int continuationCodeEnd(String line, String code) {
        int i = 0;
        while (i < line.length() && CodeScan.space(line.charAt(i))) {
            i++;
        }
        return i + code.length();
    }

    /** LEADING_STATUS's {@code find()}: the start of the status code, or -1; the match ends at {@link #leadingStatusEnd}. */
    static int leadingStatus(String s) {
        int i = 0;
        while (i < s.length() && CodeScan.space(s.charAt(i))) {
            i++;
        }
        if (i < s.length() && s.charAt(i) == '#') {
            i++;
        }
        int end = CodeScan.statusEnd(s, i);
        return end >= 0 && CodeScan.noDigitAfterOneDot(s, end) ? i : -1;
    }

    static int leadingStatusEnd(String s, int status) {
        int i = CodeScan.statusEnd(s, status);
        while (i < s.length() && CodeScan.space(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** STATUS_IN_TEXT's {@code find()} from {@code from}: the start of the status code (group 1), or -1. */
    static int statusInText(String s, int from) {
        for (int j = Math.max(from, 0); j < s.length(); j++) {
            // "^#?" first, then "[\s(\[#]#?": at 0 both may apply
            if (j == 0) {
                int at = s.charAt(0) == '#' ? 1 : 0;
                if (statusAt(s, at)) {
                    return at;
                }
            }
            char c = s.charAt(j);
            if (CodeScan.space(c) || c == '(' || c == '[' || c == '#') {
                int at = j + 1 < s.length() && s.charAt(j + 1) == '#' ? j + 2 : j + 1;
                if (statusAt(s, at)) {
                    return at;
                }
            }
        }
        return -1;
    }

    /** {@code ([245]\.\d{1,3}\.\d{1,3})(?!\.?\d)} at {@code at}. */
    private static boolean statusAt(String s, int at) {
        int end = CodeScan.statusEnd(s, at);
        return end >= 0 && CodeScan.noDigitAfterOneDot(s, end);
    }

    /**
     * {@code line} without the folded code prefixes that {@link SmtpReplyParser}'s unfold regex
     * {@code \s<code>(?:-(?:\s*<status>)?|\s<status>)(?=\s|$)} removes, the status being {@code status}
     * as written ({@code null}: any {@code [245]\.\d{1,3}\.\d{1,3}}, and no second alternative).
     */
    static String unfold(String line, String code, String status) {
        StringBuilder out = null;
        int copied = 0;
        int n = line.length();
        for (int i = 0; i + code.length() < n; i++) {
            if (!CodeScan.space(line.charAt(i)) || !line.startsWith(code, i + 1)) {
                continue;
            }
            int end = foldEnd(line, i + 1 + code.length(), status);
            if (end < 0) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(n);
            }
            out.append(line, copied, i);
            copied = end;
            i = end - 1;
        }
        return out == null ? line : out.append(line, copied, n).toString();
    }

    /** The end of {@code (?:-(?:\s*<status>)?|\s<status>)(?=\s|$)} at {@code i}, or -1. */
    private static int foldEnd(String line, int i, String status) {
        int n = line.length();
        if (i < n && line.charAt(i) == '-') {
            int j = i + 1;
            while (j < n && CodeScan.space(line.charAt(j))) {
                j++;
            }
            int end = statusEnd(line, j, status);
            if (end >= 0 && spaceOrEnd(line, end)) {
                return end;
            }
            if (spaceOrEnd(line, i + 1)) {
                return i + 1;
            }
        }
        if (status != null && i < n && CodeScan.space(line.charAt(i))) {
            int end = statusEnd(line, i + 1, status);
            if (end >= 0 && spaceOrEnd(line, end)) {
                return end;
            }
        }
        return -1;
    }

    /** The end of {@code status} (or, when null, of any status code) at {@code at}, or -1. */
    private static int statusEnd(String line, int at, String status) {
        if (status == null) {
            return CodeScan.statusEnd(line, at);
        }
        return line.startsWith(status, at) ? at + status.length() : -1;
    }

    /** {@code (?=\s|$)}. */
    private static boolean spaceOrEnd(String s, int i) {
        return i < s.length() && CodeScan.space(s.charAt(i)) || dollar(s, i);
    }
}
