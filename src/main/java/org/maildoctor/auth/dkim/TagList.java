package org.maildoctor.auth.dkim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * RFC 6376 3.2 tag=value lists, used by signatures and key records:
 * {@code tag-list = tag-spec *( ";" tag-spec ) [ ";" ]},
 * {@code tag-spec = [FWS] tag-name [FWS] "=" [FWS] tag-value [FWS]}, {@code tag-name = ALPHA *ALNUMPUNC}.
 * Values keep their inner whitespace (callers strip it where the tag's grammar allows FWS, as in
 * base64). A duplicate tag is an error (3.2: "Tags with duplicate names MUST NOT occur").
 */
public sealed interface TagList {

    /**
     * Parses a tag-list; never throws. Scans by index instead of {@code split} and {@code trim} on
     * substrings: every signature and key record goes through here, and the copies were a visible
     * share of verifying the corpus's small messages (bench/RESULTS.md, 2026-12-06).
     */
    static TagList parse(String text) {
        Map<String, String> tags = new LinkedHashMap<>();
        int n = text.length();
        int start = 0;
        while (start <= n) {
            int end = text.indexOf(';', start);
            if (end < 0) {
                end = n;
            }
            int a = start;
            int b = end;
            while (a < b && isFws(text.charAt(a))) {
                a++;
            }
            while (b > a && isFws(text.charAt(b - 1))) {
                b--;
            }
            start = end + 1;
            if (a == b) {
                // an empty last spec is the optional trailing ";"; empty ones inside are tolerated, as every peer does
                continue;
            }
            int eq = text.indexOf('=', a);
            if (eq < 0 || eq >= b) {
                return new Malformed("tag without '=': '" + clip(text.substring(a, b)) + "'");
            }
            String name = trimFws(text.substring(a, eq));
            if (!isTagName(name)) {
                return new Malformed("invalid tag name '" + clip(name) + "'");
            }
            int v = eq + 1;
            while (v < b && isFws(text.charAt(v))) {
                v++;
            }
            for (int k = v; k < b; k++) {
                char c = text.charAt(k);
                // tval = 1*VALCHAR, VALCHAR = %x21-3A / %x3C-7E; FWS between tvals; bytes >= 0x80 tolerated (RFC 8616 UTF-8)
                if (c < 0x20 && c != '\t' && c != '\r' && c != '\n' || c == 0x7f) {
                    return new Malformed("control character in the value of " + name + "=");
                }
            }
            if (tags.putIfAbsent(name, text.substring(v, b)) != null) {
                return new Malformed("duplicate tag " + name + "=");
            }
        }
        return new Parsed(Collections.unmodifiableMap(tags));
    }

    /** A well-formed list; tag names are case-sensitive (3.2). */
    record Parsed(Map<String, String> tags) implements TagList {
        public Optional<String> get(String name) {
            return Optional.ofNullable(tags.get(name));
        }
    }

    /** Not a tag-list; {@code problem} says where. */
    record Malformed(String problem) implements TagList {
    }

    static String trimFws(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && isFws(s.charAt(a))) {
            a++;
        }
        while (b > a && isFws(s.charAt(b - 1))) {
            b--;
        }
        return s.substring(a, b);
    }

    /** The value with all FWS removed (base64 tags, h=, p=). */
    static String removeFws(String s) {
        int first = 0;
        while (first < s.length() && !isFws(s.charAt(first))) {
            first++;
        }
        if (first == s.length()) {
            return s; // nothing to remove: most d=, s=, a= values
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isFws(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isFws(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isTagName(String s) {
        if (s.isEmpty() || !isAlpha(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isAlpha(c) && !(c >= '0' && c <= '9') && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlpha(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
