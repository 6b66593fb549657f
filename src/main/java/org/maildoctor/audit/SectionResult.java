package org.maildoctor.audit;

import java.util.List;

/** What one section found: its checks, and the corrected records it proposes (often none). */
public record SectionResult(List<AuditCheck> checks, List<RecordToPublish> publish) {
    public SectionResult {
        checks = List.copyOf(checks);
        publish = List.copyOf(publish);
    }

    public static SectionResult of(List<AuditCheck> checks) {
        return new SectionResult(checks, List.of());
    }
}
