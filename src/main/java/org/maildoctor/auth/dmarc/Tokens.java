package org.maildoctor.auth.dmarc;

/** Small lexical helpers shared by the parsers (WSP is space and tab only, RFC 5234 B.1). */
final class Tokens {
    private Tokens() {
    }

    static boolean isWsp(char c) {
        return c == ' ' || c == '\t';
    }

    static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static String stripWsp(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && isWsp(s.charAt(b))) {
            b++;
        }
        while (e > b && isWsp(s.charAt(e - 1))) {
            e--;
        }
        return s.substring(b, e);
    }

    /** At most 60 characters of outside text, control characters made visible, for messages. */
    static String shorten(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && sb.length() < 60; i++) {
            char c = s.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : c);
        }
        return s.length() > 60 ? sb + "…" : sb.toString();
    }
}
