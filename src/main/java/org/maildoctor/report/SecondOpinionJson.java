package org.maildoctor.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.maildoctor.content.SecondOpinion;

/**
 * One entry of {@code secondOpinions} in the JSON of {@code content check}, {@code analyze} and
 * {@code POST /api/v1/content/check}: {@code {engine, server, status: ok|unavailable, score,
 * threshold, spam, action, rules[{name, score, description}], reason}}.
 */
public final class SecondOpinionJson {
    private SecondOpinionJson() {
    }

    public static Map<String, Object> toMap(SecondOpinion o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("engine", o.engine());
        m.put("server", o.server());
        m.put("status", o.verdict().isPresent() ? "ok" : "unavailable");
        o.verdict().ifPresent(v -> {
            m.put("score", v.score());
            m.put("threshold", v.threshold());
            m.put("spam", v.spam());
            m.put("action", v.action().orElse(null));
            m.put("rules", v.rules().stream().map(r -> {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("name", r.name());
                e.put("score", r.score());
                e.put("description", r.description());
                return e;
            }).toList());
        });
        m.put("reason", o.unavailable().map(r -> "second opinion unavailable: " + r).orElse(null));
        return m;
    }
}
