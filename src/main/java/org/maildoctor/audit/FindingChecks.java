package org.maildoctor.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.maildoctor.model.Severity;

/**
 * Engine findings (SPF linter, DMARC checker …) as audit checks, the one mapping every section uses:
 * INFO findings are dropped, ERROR becomes fail, WARNING becomes warn, under the finding's own id.
 *
 * @param <F> the engine's finding type
 */
public record FindingChecks<F>(Function<F, String> id, Function<F, Severity> severity,
                               Function<F, String> explanation, Function<F, String> fix) {

    /** How findings with the same id are turned into checks. */
    public enum Grouping {
        /** One check per id, explanations and fixes joined (distinct) with "; ". */
        BY_ID,
        /** One check per finding. */
        EACH
    }

    public List<AuditCheck> checks(List<F> findings, Grouping grouping, List<String> evidence) {
        List<List<F>> groups = new ArrayList<>();
        if (grouping == Grouping.BY_ID) {
            Map<String, List<F>> byId = new LinkedHashMap<>();
            for (F f : findings) {
                if (severity.apply(f) != Severity.INFO) {
                    byId.computeIfAbsent(id.apply(f), k -> new ArrayList<>()).add(f);
                }
            }
            groups.addAll(byId.values());
        } else {
            findings.stream().filter(f -> severity.apply(f) != Severity.INFO).forEach(f -> groups.add(List.of(f)));
        }
        List<AuditCheck> checks = new ArrayList<>();
        for (List<F> g : groups) {
            String checkId = id.apply(g.getFirst());
            String text = String.join("; ", g.stream().map(explanation).distinct().toList());
            String fixes = String.join("; ", g.stream().map(fix).distinct().toList());
            boolean error = g.stream().anyMatch(f -> severity.apply(f) == Severity.ERROR);
            checks.add(error ? AuditCheck.fail(checkId, text, fixes, evidence) : AuditCheck.warn(checkId, text, fixes, evidence));
        }
        return checks;
    }
}
