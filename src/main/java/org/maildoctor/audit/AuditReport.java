package org.maildoctor.audit;

import java.util.List;
import java.util.Map;

/**
 * The graded result of {@link DomainAudit}: checks grouped by section, in section order, the
 * overall grade, the ungraded checklists (bulk-sender requirements …) and the corrected records to
 * publish.
 */
public record AuditReport(String domain, Grade grade, Map<String, List<AuditCheck>> sections,
                          Map<String, List<AuditCheck>> checklists, List<RecordToPublish> publish) {
    public AuditReport {
        sections = Map.copyOf(sections);
        checklists = Map.copyOf(checklists);
        publish = List.copyOf(publish);
    }

    public AuditReport(String domain, Grade grade, Map<String, List<AuditCheck>> sections) {
        this(domain, grade, sections, Map.of(), List.of());
    }

    /** Every check, graded sections and checklists alike, in the order given by {@code order}. */
    public List<AuditCheck> checks(List<String> order) {
        return order.stream().flatMap(s -> section(s).stream()).toList();
    }

    /** The checks of a section or checklist by name; empty when there is none. */
    public List<AuditCheck> section(String name) {
        return sections.getOrDefault(name, checklists.getOrDefault(name, List.of()));
    }

    /** Whether {@code name} is a graded section (not a checklist derived from them). */
    public boolean graded(String name) {
        return sections.containsKey(name);
    }

    /** The worst status of the graded sections. */
    public CheckStatus worst() {
        return sections.values().stream().flatMap(List::stream).map(AuditCheck::status)
                .reduce(CheckStatus.PASS, CheckStatus::worst);
    }
}
