package org.maildoctor.auth.spf;

/**
 * Quoting of untrusted text (record pieces, names) in reasons: bounded length and no control
 * characters, so a 10,000-character record cannot produce a 10,000-character message and a
 * record cannot write escape sequences to a terminal.
 */
final class Quote {
    static final int MAX = 80;

    private Quote() {
    }

    /** {@code 'text'}, shortened with "..." past {@link #MAX} characters. */
    static String q(String s) {
        return "'" + safe(s) + "'";
    }

    static String safe(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && i < MAX; i++) {
            char c = s.charAt(i);
            sb.append(c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) ? String.format("\\x%02x", (int) c) : c);
        }
        if (s.length() > MAX) {
            sb.append("...");
        }
        return sb.toString();
    }
}
