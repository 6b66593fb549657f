package org.maildoctor.warmup.engage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what a receiving server recorded in its Authentication-Results header (RFC 8601) about a
 * warm-up message: the result of each method. Hand-written because it is small and tolerant: no
 * library in our stack parses RFC 8601, and we need only {@code method=result} pairs, not properties.
 * Comments ({@code (…)}) and quoted strings are skipped; malformed input gives what could be read.
 */
public final class AuthenticationResults {

    /** @param results method ({@code spf}, {@code dkim}, {@code dmarc} …) to results, in header order */
    public record Verdicts(String authservId, Map<String, List<String>> results) {
        public Verdicts {
            results = Map.copyOf(results);
        }

        /**
         * SPF, DKIM and DMARC all passed (for DKIM, at least one signature), or empty when the header
         * names none of the three. A method that is missing counts as not passed.
         */
        public Optional<Boolean> passed() {
            if (!results.containsKey("spf") && !results.containsKey("dkim") && !results.containsKey("dmarc")) {
                return Optional.empty();
            }
            return Optional.of(all("spf") && any("dkim") && all("dmarc"));
        }

        private boolean all(String method) {
            List<String> r = results.getOrDefault(method, List.of());
            return !r.isEmpty() && r.stream().allMatch("pass"::equals);
        }

        private boolean any(String method) {
            return results.getOrDefault(method, List.of()).contains("pass");
        }
    }

    private AuthenticationResults() {
    }

    /** The value of one Authentication-Results header (without the field name). Never throws. */
    public static Verdicts parse(String value) {
        List<String> parts = split(value == null ? "" : value);
        String authserv = parts.isEmpty() ? "" : parts.getFirst().strip().split("\\s+")[0];
        Map<String, List<String>> results = new LinkedHashMap<>();
        for (int i = 1; i < parts.size(); i++) {
            String p = parts.get(i).strip();
            int eq = p.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String method = p.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            int slash = method.indexOf('/');
            if (slash > 0) {
                method = method.substring(0, slash).strip();
            }
            String rest = p.substring(eq + 1).strip();
            String result = rest.split("[\\s;]+", 2)[0].toLowerCase(Locale.ROOT);
            if (!method.isEmpty() && !result.isEmpty() && method.chars().allMatch(c -> Character.isLetterOrDigit(c)
                    || c == '-' || c == '_')) {
                results.computeIfAbsent(method, k -> new ArrayList<>()).add(result);
            }
        }
        return new Verdicts(authserv, results);
    }

    /** Splits on ';' outside comments and quoted strings, dropping the comments. */
    private static List<String> split(String v) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
                continue;
            }
            if (depth > 0) {
                if (c == '\\') {
                    i++;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                }
                continue;
            }
            switch (c) {
                case '(' -> depth++;
                case '"' -> quoted = true;
                case ';' -> {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
                default -> cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
