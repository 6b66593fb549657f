package org.maildoctor.audit;

import java.util.List;
import java.util.Map;

/**
 * The graded result of {@link DomainAudit}: checks grouped by section, in section order, and the
 * overall grade.
 */
public record AuditReport(String domain, Grade grade, Map<String, List<AuditCheck>> sections) {
    public AuditReport {
        sections = Map.copyOf(sections);
    }

    /** Every check, in section order as given by {@code order}. */
    public List<AuditCheck> checks(List<String> order) {
        return order.stream().filter(sections::containsKey).flatMap(s -> sections.get(s).stream()).toList();
    }

    public CheckStatus worst() {
        return sections.values().stream().flatMap(List::stream).map(AuditCheck::status)
                .reduce(CheckStatus.PASS, CheckStatus::worst);
    }
}
