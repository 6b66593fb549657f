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

    /** Parses a tag-list; never throws. */
    static TagList parse(String text) {
        Map<String, String> tags = new LinkedHashMap<>();
        String[] specs = text.split(";", -1);
        for (int i = 0; i < specs.length; i++) {
            String spec = specs[i];
            if (isBlank(spec)) {
                // an empty last spec is the optional trailing ";"; empty ones inside are tolerated, as every peer does
                continue;
            }
            int eq = spec.indexOf('=');
            if (eq < 0) {
                return new Malformed("tag without '=': '" + clip(trimFws(spec)) + "'");
            }
            String name = trimFws(spec.substring(0, eq));
            if (!isTagName(name)) {
                return new Malformed("invalid tag name '" + clip(name) + "'");
            }
            String value = trimFws(spec.substring(eq + 1));
            for (int k = 0; k < value.length(); k++) {
                char c = value.charAt(k);
                // tval = 1*VALCHAR, VALCHAR = %x21-3A / %x3C-7E; FWS between tvals; bytes >= 0x80 tolerated (RFC 8616 UTF-8)
                if (c < 0x20 && c != '\t' && c != '\r' && c != '\n' || c == 0x7f) {
                    return new Malformed("control character in the value of " + name + "=");
                }
            }
            if (tags.putIfAbsent(name, value) != null) {
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

    private static boolean isBlank(String s) {
        return trimFws(s).isEmpty();
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
