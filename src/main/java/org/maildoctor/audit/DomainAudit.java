package org.maildoctor.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Composes the audit sections into one graded report. All sections start at once; the report is
 * complete when the slowest dependency chain of DNS queries has answered, not the sum of them.
 * Checklists are then read off the finished sections.
 */
public final class DomainAudit {
    private final List<AuditSection> sections;
    private final List<ChecklistSection> checklists;

    public DomainAudit(List<AuditSection> sections) {
        this(sections, List.of());
    }

    public DomainAudit(List<AuditSection> sections, List<ChecklistSection> checklists) {
        this.sections = List.copyOf(sections);
        this.checklists = List.copyOf(checklists);
    }

    /** This audit with one more section, run alongside the others and listed after them (before the checklists). */
    public DomainAudit with(AuditSection extra) {
        List<AuditSection> more = new ArrayList<>(sections);
        more.add(extra);
        return new DomainAudit(more, checklists);
    }

    /** Section names, then checklist names: the order of the report. */
    public List<String> sectionOrder() {
        return Stream.concat(sections.stream().map(AuditSection::name), checklists.stream().map(ChecklistSection::name))
                .toList();
    }

    public CompletableFuture<AuditReport> audit(AuditRequest request) {
        Map<String, CompletableFuture<SectionResult>> running = new LinkedHashMap<>();
        for (AuditSection s : sections) {
            running.put(s.name(), s.runWithRecords(request));
        }
        return CompletableFuture.allOf(running.values().toArray(CompletableFuture[]::new)).thenApply(v -> {
            Map<String, List<AuditCheck>> done = new LinkedHashMap<>();
            List<RecordToPublish> publish = new ArrayList<>();
            running.forEach((name, f) -> {
                done.put(name, f.join().checks());
                publish.addAll(f.join().publish());
            });
            List<AuditCheck> all = done.values().stream().flatMap(List::stream).toList();
            Map<String, List<AuditCheck>> lists = new LinkedHashMap<>();
            for (ChecklistSection c : checklists) {
                lists.put(c.name(), c.derive(request, Map.copyOf(done)));
            }
            return new AuditReport(request.domain(), Grade.of(all), done, lists, publish);
        });
    }
}
