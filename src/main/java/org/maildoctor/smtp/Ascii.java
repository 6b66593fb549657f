package org.maildoctor.smtp;

/** US-ASCII case helpers for running case-insensitive regexes on pre-lowered text. */
final class Ascii {
    private Ascii() {
    }

    /** {@code s} with A-Z lowered and every other char unchanged (what CASE_INSENSITIVE folds). */
    static String lower(String s) {
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

    /**
     * Whether a regex has no upper-case letter outside escapes ({@code \W}, {@code \p{Lu}} and the
     * like count as upper case, conservatively), so that with CASE_INSENSITIVE it matches exactly
     * what it matches without the flag on {@link #lower lowered} text.
     */
    static boolean noUpperCaseLiteral(String regex) {
        if (regex.contains("(?-")) {
            return false; // a region that turns case-insensitivity off must see the original case
        }
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                char e = regex.charAt(++i);
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
     * For a regex of top-level alternatives, the literal each alternative starts with (after any
     * {@code \b} or {@code ^}), e.g. {@code "relay(?:ing)? denied|\bptr\b"} gives {@code [relay, ptr]};
     * null when some alternative starts with a group, a class or another construct. A text that
     * contains none of them cannot match, so the list is a cheap prefilter (indexOf is vectorised;
     * the regex engine tries every alternative at every position).
     */
    static java.util.List<String> literalPrefixes(String regex) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String alt : topLevelAlternatives(regex)) {
            int i = 0;
            while (true) {
                if (alt.startsWith("\\b", i)) {
                    i += 2;
                } else if (alt.startsWith("^", i)) {
                    i++;
                } else {
                    break;
                }
            }
            StringBuilder run = new StringBuilder();
            while (i < alt.length() && "\\[](){}.*+?^$|".indexOf(alt.charAt(i)) < 0) {
                run.append(alt.charAt(i++));
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
}
