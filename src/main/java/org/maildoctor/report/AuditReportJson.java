package org.maildoctor.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maildoctor.audit.AuditCheck;
import org.maildoctor.audit.AuditReport;
import org.maildoctor.audit.RecordToPublish;

/**
 * The JSON document of {@code maildoctor domain audit --json} and {@code GET /api/v1/domains/{domain}/audit};
 * schema in docs/cli-domain-audit.md.
 */
public final class AuditReportJson {
    private AuditReportJson() {
    }

    public static Map<String, Object> toMap(AuditReport report, List<String> sectionOrder) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("domain", report.domain());
        m.put("grade", report.grade().letter());
        m.put("score", report.grade().score());
        m.put("summary", Map.of("fail", report.grade().failures(), "warn", report.grade().warnings(),
                "unknown", report.grade().unknowns()));
        List<Map<String, Object>> checks = new ArrayList<>();
        for (String section : sectionOrder) {
            for (AuditCheck c : report.section(section)) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("id", c.id());
                x.put("section", section);
                x.put("status", c.status().code());
                x.put("explanation", c.explanation());
                x.put("fix", c.fix().orElse(null));
                x.put("evidence", c.evidence());
                x.put("graded", report.graded(section));
                checks.add(x);
            }
        }
        m.put("checks", checks);
        List<Map<String, Object>> publish = new ArrayList<>();
        for (RecordToPublish r : report.publish()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("section", r.section());
            x.put("name", r.name());
            x.put("type", "TXT");
            x.put("value", r.value());
            x.put("strings", r.strings());
            x.put("zoneFileLine", r.zoneFileLine());
            x.put("why", r.why());
            x.put("notes", r.notes());
            publish.add(x);
        }
        m.put("publish", publish);
        return m;
    }
}
