package org.maildoctor.smtp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.maildoctor.text.Bytes;

/** US-ASCII case helpers for running case-insensitive regexes on pre-lowered text. */
final class Ascii {
    private Ascii() {
    }

    /**
     * {@code s} with A-Z lowered and every other char unchanged (what CASE_INSENSITIVE folds); {@code s}
     * itself when it has no A-Z. The notice readers lower every message text once per recipient, so
     * Latin-1 text (nearly all of it) is lowered as bytes: {@code getBytes(ISO_8859_1)} and
     * {@code new String(bytes, ISO_8859_1)} are plain copies for a Latin-1 string, where the char loop
     * inflated the text to a char[] and compressed it back. Other text takes the char loop.
     * AsciiLowerTest compares this with the char loop.
     */
    static String lower(String s) {
        Lowered l = LAST.get();
        if (l != null && l.text().equals(s)) {
            if (l.lower() == l.text() && l.text() != s) {
                LAST.set(new Lowered(s, s, l.latin1())); // s itself is the answer: let latin1(s) find it
            }
            return l.lower() == l.text() ? s : l.lower(); // still s itself when it has no A-Z
        }
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        String lower = lowerLatin1(s, b);
        if (lower == null) {
            lower = lowerChars(s);
            b = null;
        }
        LAST.set(new Lowered(s, lower, b));
        return lower;
    }

    /**
     * The ISO-8859-1 bytes of {@code lower} when it is the last text this thread {@link #lower lowered} (the same
     * String object) and all Latin-1, else null: what a search may run over eight bytes at a time
     * ({@link org.maildoctor.text.Bytes}) in place of {@code lower.indexOf}, one byte per turn under C1.
     */
    static byte[] latin1(String lower) {
        Lowered l = LAST.get();
        return l != null && l.lower() == lower ? l.latin1() : null;
    }

    /**
     * The last text lowered on this thread. A diagnostic is lowered by the notice reader that finds its command,
     * then again by the reason rules (as the diagnostic, and as the wording when nothing is cut from
     * it), each time another String of the same chars; comparing is cheaper than lowering (one
     * pass, nothing copied). Per thread, as the batch parses on two: one shared entry was replaced by the other
     * thread's text between the lowering and the searches that use its bytes.
     */
    private record Lowered(String text, String lower, byte[] latin1) {
    }

    private static final ThreadLocal<Lowered> LAST = new ThreadLocal<>();

    /**
     * {@code s} lowered through {@code b}, its ISO-8859-1 bytes, which are lowered in place; null when {@code b} is
     * not {@code s} one char per byte (chars above U+00FF).
     */
    private static String lowerLatin1(String s, byte[] b) {
        if (b.length != s.length()) {
            return null; // a surrogate pair became one '?'
        }
        boolean changed = Bytes.lowerAscii(b); // eight bytes at a time, where a table lookup per byte cost more
        if (Bytes.indexOf(b, (byte) '?', 0, b.length) >= 0 && !isLatin1Image(s, b)) {
            return null;
        }
        return changed ? new String(b, StandardCharsets.ISO_8859_1) : s;
    }

    /**
     * Whether {@code b}, {@code s} encoded as ISO-8859-1 (and then lowered, which leaves '?' alone), of
     * the same length as {@code s}, holds every char of {@code s}: the encoder writes '?' for each char
     * above U+00FF, so it does unless some '?' in it is no '?' in {@code s}.
     */
    private static boolean isLatin1Image(String s, byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '?' && s.charAt(i) != '?') {
                return false;
            }
        }
        return true;
    }

    /** {@link #lower} char by char, for text with chars above U+00FF. */
    static String lowerChars(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] out = s.toCharArray();
                for (int j = i; j < out.length; j++) {
                    if (out[j] >= 'A' && out[j] <= 'Z') {
                        out[j] = (char) (out[j] + ('a' - 'A'));
                    }
                }
                return new String(out);
            }
        }
        return s;
    }

    /** {@code lower(s).contains(literal)} for a literal without A-Z, without lowering a copy of {@code s}. */
    static boolean containsLowerLiteral(String s, String literal) {
        return indexOfLowerLiteral(s, literal) >= 0;
    }

    /**
     * Where {@code lower(s)} first holds {@code literal} (a literal without A-Z), or -1; no lowered copy is made.
     * Candidates are found with {@code indexOf} of one char of the literal that ASCII case folding leaves
     * alone (punctuation rather than a space where there is some, as rarer), a tight loop over the String's
     * bytes, and checked whole there: the char-by-char comparison at every position cost more under C1.
     * A literal of letters only takes that comparison everywhere. AsciiIndexTest compares the two.
     */
    static int indexOfLowerLiteral(String s, String literal) {
        int k = anchor(literal);
        if (k < 0) {
            return indexOfLowerLiteralEverywhere(s, literal);
        }
        char c = literal.charAt(k);
        int last = s.length() - literal.length();
        for (int a = s.indexOf(c, k); a >= 0 && a - k <= last; a = s.indexOf(c, a + 1)) {
            if (lowerLiteralAt(s, a - k, literal)) {
                return a - k;
            }
        }
        return -1;
    }

    /** The index of the char of {@code literal} to look for: its first punctuation char, else its first non-letter, else -1. */
    private static int anchor(String literal) {
        int space = -1;
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c >= 'a' && c <= 'z') {
                continue;
            }
            if (c != ' ' && !(c >= '0' && c <= '9')) {
                return i;
            }
            space = space < 0 ? i : space;
        }
        return space;
    }

    private static boolean lowerLiteralAt(String s, int i, String literal) {
        for (int j = 0; j < literal.length(); j++) {
            char c = s.charAt(i + j);
            char l = literal.charAt(j);
            if (c != l && !(l >= 'a' && l <= 'z' && c == l - ('a' - 'A'))) {
                return false;
            }
        }
        return true;
    }

    /** {@link #indexOfLowerLiteral} by comparing at every position. */
    static int indexOfLowerLiteralEverywhere(String s, String literal) {
        int n = literal.length();
        for (int i = 0; i + n <= s.length(); i++) {
            if (lowerLiteralAt(s, i, literal)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether a regex has no upper-case letter outside escapes ({@code \W}, {@code \p{Lu}} and the
     * like count as upper case, conservatively), so that with CASE_INSENSITIVE it matches exactly
     * what it matches without the flag on {@link #lower lowered} text.
     */
    static boolean noUpperCaseLiteral(String regex) {
        return noUpperCaseLiteral(regex, "");
    }

    /**
     * {@link #noUpperCaseLiteral(String)}, but the escapes listed in {@code caseFreeEscapes} (e.g.
     * {@code "SDWB"}: non-space, non-digit, non-word, non-boundary) are allowed: lowering A-Z does not
     * change which characters they match.
     */
    static boolean noUpperCaseLiteral(String regex, String caseFreeEscapes) {
        if (regex.contains("(?-")) {
            return false; // a region that turns case-insensitivity off must see the original case
        }
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                char e = regex.charAt(++i);
                if (caseFreeEscapes.indexOf(e) >= 0) {
                    continue;
                }
                if (e >= 'A' && e <= 'Z' || e == 'p' || e == 'P' || e == 'x' || e == 'u' || e == 'c' || e == 'N') {
                    return false; // W S D B p{..} x.. u.... c. N{..} escapes: keep the flag
                }
                continue;
            }
            if (c >= 'A' && c <= 'Z') {
                return false;
            }
        }
        return true;
    }

    /**
     * Literals such that every match starts with one of them (after zero-width {@code \b} or {@code ^}):
     * per top-level alternative its leading literal run, or, when it opens with a mandatory group, that
     * group's own start literals; e.g. {@code "(?:after|\\[)\\s*(rcpt|mail)|\\bsmtp:"} gives
     * {@code [after, [, smtp:]}. Null when some alternative starts with anything else. A match can then
     * begin only where one of them occurs, so the regex need not be tried anywhere else.
     */
    static java.util.List<String> startLiterals(String regex) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String alt : topLevelAlternatives(regex)) {
            int i = 0;
            while (alt.startsWith("\\b", i) || alt.startsWith("^", i)) {
                i += alt.charAt(i) == '^' ? 1 : 2;
            }
            if (i < alt.length() && alt.charAt(i) == '(') {
                int end = closing(alt, i);
                if (end < 0 || end < alt.length() && "?*{".indexOf(alt.charAt(end)) >= 0) {
                    return null;
                }
                String body = groupBody(alt.substring(i, end));
                java.util.List<String> inner = body == null ? null : startLiterals(body);
                if (inner == null) {
                    return null;
                }
                out.addAll(inner);
                continue;
            }
            StringBuilder run = new StringBuilder();
            while (i < alt.length()) {
                char c = alt.charAt(i);
                if (c == '\\' && i + 1 < alt.length() && !Character.isLetterOrDigit(alt.charAt(i + 1))) {
                    run.append(alt.charAt(i + 1)); // escaped punctuation is itself
                    i += 2;
                } else if ("\\[](){}.*+?^$|".indexOf(c) >= 0) {
                    break;
                } else {
                    run.append(c);
                    i++;
                }
            }
            if (i < alt.length() && "?*{".indexOf(alt.charAt(i)) >= 0 && !run.isEmpty()) {
                run.setLength(run.length() - 1); // the quantifier may remove the last character
            }
            if (run.isEmpty()) {
                return null;
            }
            out.add(run.toString());
        }
        return out;
    }

    /**
     * {@code starts} without duplicates and without literals that begin with another of them: a match
     * can start only where one of the rest occurs, at the same positions (an occurrence of
     * "mailbox size limit" is one of "mailbox "), so {@link WordingPattern#firstMatch} scans the text
     * for fewer literals and tries the same positions. Null stays null.
     */
    static java.util.List<String> withoutLongerStarts(java.util.List<String> starts) {
        if (starts == null) {
            return null;
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            String s = starts.get(i);
            boolean covered = false;
            for (int j = 0; j < starts.size() && !covered; j++) {
                // t covers s when s begins with t; of equal literals the first is kept
                String t = starts.get(j);
                covered = j != i && s.startsWith(t) && (s.length() > t.length() || j < i);
            }
            if (!covered) {
                out.add(s);
            }
        }
        return out;
    }

    private static java.util.List<String> topLevelAlternatives(String regex) {
        java.util.List<String> out = new java.util.ArrayList<>();
        int depth = 0;
        boolean inClass = false;
        int start = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                out.add(regex.substring(start, i));
                start = i + 1;
            }
        }
        out.add(regex.substring(start));
        return out;
    }

    /**
     * For a regex of top-level alternatives, literals such that every match contains at least one
     * of them. Per alternative: its longest run of plain characters (escaped punctuation counts)
     * outside any group, class or optional quantifier, or the literals of a group that is neither
     * optional nor a lookaround, found the same way: whichever has the longer shortest literal. E.g.
     * {@code "(?:^|\\s)\\|/x|(?:after|while)\\s+(rcpt|mail)"} gives {@code [|/x, after, while]}. Null when
     * some alternative has no such literal or uses a construct this scan does not follow
     * (the Q, x, u and p escapes, back-references, nested classes).
     */
    static java.util.List<String> requiredLiterals(String regex) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String alt : topLevelAlternatives(regex)) {
            java.util.List<String> lits = requiredLiteral(alt);
            if (lits == null || lits.isEmpty() || lits.stream().anyMatch(String::isEmpty)) {
                return null;
            }
            out.addAll(lits);
        }
        return out;
    }

    private static java.util.List<String> requiredLiteral(String alt) {
        StringBuilder run = new StringBuilder();
        String best = "";
        List<List<String>> groups = new ArrayList<>();
        int i = 0;
        while (i < alt.length()) {
            char c = alt.charAt(i);
            int atomEnd; // index after the atom starting at i
            Character literal = null;
            if (c == '\\') {
                if (i + 1 >= alt.length()) {
                    return null;
                }
                char e = alt.charAt(i + 1);
                if (Character.isLetterOrDigit(e)) {
                    if ("sdwbSDWBtnrfae".indexOf(e) < 0) {
                        return null; // Q, x, u, p, k escapes and back-references: not followed
                    }
                } else {
                    literal = e;
                }
                atomEnd = i + 2;
            } else if (c == '(') {
                atomEnd = closing(alt, i);
            } else if (c == '[') {
                atomEnd = classEnd(alt, i);
            } else if (c == ')' || c == ']' || c == '{' || c == '}' || c == '*' || c == '+' || c == '?' || c == '|') {
                return null; // not at an atom's start: a shape this scan does not expect
            } else if (c == '.' || c == '^' || c == '$') {
                atomEnd = i + 1;
            } else {
                literal = c;
                atomEnd = i + 1;
            }
            if (atomEnd < 0) {
                return null;
            }
            char q = atomEnd < alt.length() ? alt.charAt(atomEnd) : 0;
            boolean optional = q == '?' || q == '*' || q == '{';
            if (literal != null && !optional) {
                run.append(literal.charValue());
            }
            if (literal == null || optional || q == '+') {
                // the run ends here ('+': one of the character is required, more may follow)
                if (run.length() > best.length()) {
                    best = run.toString();
                }
                run.setLength(0);
            }
            if (c == '(' && !optional) {
                String body = groupBody(alt.substring(i, atomEnd));
                List<String> inside = body == null ? null : requiredLiterals(body);
                if (inside != null) {
                    groups.add(inside);
                }
            }
            i = skipQuantifier(alt, atomEnd);
            if (i < 0) {
                return null;
            }
        }
        if (run.length() > best.length()) {
            best = run.toString();
        }
        // every candidate is required; the one whose shortest literal is longest filters best
        List<String> choice = best.isEmpty() ? null : List.of(best);
        for (List<String> g : groups) {
            if (choice == null || shortest(g) > shortest(choice)) {
                choice = g;
            }
        }
        return choice;
    }

    private static int shortest(List<String> literals) {
        int min = Integer.MAX_VALUE;
        for (String l : literals) {
            min = Math.min(min, l.length());
        }
        return min;
    }

    /** The inside of a capturing or non-capturing group, null for lookarounds, flags and other kinds. */
    private static String groupBody(String group) {
        String inner = group.substring(1, group.length() - 1);
        if (!inner.startsWith("?")) {
            return inner;
        }
        if (inner.startsWith("?:")) {
            return inner.substring(2);
        }
        if (inner.startsWith("?<") && inner.length() > 2 && Character.isLetter(inner.charAt(2))) {
            int end = inner.indexOf('>');
            return end < 0 ? null : inner.substring(end + 1);
        }
        return null;
    }

    /** Index after the quantifier (and a lazy/possessive mark) starting at {@code i}, or {@code i}; -1 if malformed. */
    private static int skipQuantifier(String s, int i) {
        if (i >= s.length()) {
            return i;
        }
        char q = s.charAt(i);
        if (q == '{') {
            int end = s.indexOf('}', i);
            if (end < 0) {
                return -1;
            }
            i = end + 1;
        } else if (q == '?' || q == '*' || q == '+') {
            i++;
        } else {
            return i;
        }
        return i < s.length() && (s.charAt(i) == '?' || s.charAt(i) == '+') ? i + 1 : i;
    }

    private static int closing(String s, int open) {
        char o = '(';
        char c = ')';
        int depth = 0;
        boolean inClass = false;
        for (int i = open; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\') {
                i++;
            } else if (inClass) {
                inClass = ch != ']';
            } else if (ch == '[') {
                inClass = true;
            } else if (ch == o) {
                depth++;
            } else if (ch == c && --depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    private static int classEnd(String s, int open) {
        int i = open + 1;
        if (i < s.length() && s.charAt(i) == '^') {
            i++;
        }
        if (i < s.length() && s.charAt(i) == ']') {
            i++; // a leading ']' is literal
        }
        for (; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\') {
                i++;
            } else if (ch == '[') {
                return -1; // nested classes: not followed
            } else if (ch == ']') {
                return i + 1;
            }
        }
        return -1;
    }
}
