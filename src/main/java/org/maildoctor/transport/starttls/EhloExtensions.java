package org.maildoctor.transport.starttls;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The service extensions an EHLO reply lists (RFC 5321 §4.1.1.1): one keyword per line after the
 * first, with optional parameters, e.g. {@code SIZE 10240000}.
 */
public record EhloExtensions(Map<String, String> keywords) {
    public EhloExtensions {
        keywords = Map.copyOf(keywords);
    }

    /** {@code lines}: the reply texts without the code, first line the greeting. */
    public static EhloExtensions parse(List<String> lines) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] kv = line.split("[ =]", 2);
            m.putIfAbsent(kv[0].toUpperCase(Locale.ROOT), kv.length > 1 ? kv[1].strip() : "");
        }
        return new EhloExtensions(m);
    }

    public boolean has(String keyword) {
        return keywords.containsKey(keyword.toUpperCase(Locale.ROOT));
    }

    public Optional<String> parameter(String keyword) {
        return Optional.ofNullable(keywords.get(keyword.toUpperCase(Locale.ROOT))).filter(s -> !s.isEmpty());
    }

    /** The SIZE limit in octets (RFC 1870); empty when absent or unlimited (0 or no number). */
    public OptionalLong sizeLimit() {
        try {
            return parameter("SIZE").map(Long::parseLong).filter(n -> n > 0).map(OptionalLong::of)
                    .orElse(OptionalLong.empty());
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
