package org.maildoctor.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Composes the audit sections into one graded report. All sections start at once; the report is
 * complete when the slowest dependency chain of DNS queries has answered, not the sum of them.
 */
public final class DomainAudit {
    private final List<AuditSection> sections;

    public DomainAudit(List<AuditSection> sections) {
        this.sections = List.copyOf(sections);
    }

    /** This audit with one more section, run alongside the others and listed last. */
    public DomainAudit with(AuditSection extra) {
        List<AuditSection> more = new ArrayList<>(sections);
        more.add(extra);
        return new DomainAudit(more);
    }

    public List<String> sectionOrder() {
        return sections.stream().map(AuditSection::name).toList();
    }

    public CompletableFuture<AuditReport> audit(AuditRequest request) {
        Map<String, CompletableFuture<List<AuditCheck>>> running = new LinkedHashMap<>();
        for (AuditSection s : sections) {
            running.put(s.name(), s.run(request));
        }
        return CompletableFuture.allOf(running.values().toArray(CompletableFuture[]::new)).thenApply(v -> {
            Map<String, List<AuditCheck>> done = new LinkedHashMap<>();
            running.forEach((name, f) -> done.put(name, f.join()));
            List<AuditCheck> all = done.values().stream().flatMap(List::stream).toList();
            return new AuditReport(request.domain(), Grade.of(all), done);
        });
    }
}
