package org.maildoctor.bounce.reason.rhost;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.maildoctor.smtp.Reason;

/** A provider's documented sentences per reason, matched as lower-case substrings in table order. */
record Phrases(List<Map.Entry<Reason, List<String>>> table) {

    @SafeVarargs
    static Phrases of(Map.Entry<Reason, List<String>>... rows) {
        return new Phrases(List.of(rows));
    }

    static Map.Entry<Reason, List<String>> row(Reason r, String... phrases) {
        return Map.entry(r, List.of(phrases));
    }

    Optional<Reason> find(String lowerText) {
        for (Map.Entry<Reason, List<String>> e : table) {
            for (String p : e.getValue()) {
                if (lowerText.contains(p)) {
                    return Optional.of(e.getKey());
                }
            }
        }
        return Optional.empty();
    }
}
