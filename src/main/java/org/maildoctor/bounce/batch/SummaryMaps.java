package org.maildoctor.bounce.batch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The summary as plain maps and lists, for JSON on the CLI and the REST API alike (stable names). */
public final class SummaryMaps {

    private SummaryMaps() {
    }

    public static Map<String, Object> toMap(SummaryReport s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("messages", s.messages());
        m.put("bounces", s.bounces());
        m.put("notBounces", s.notBounces());
        m.put("undecodable", s.undecodable());
        m.put("results", s.results());
        m.put("hardRecipients", s.hard());
        m.put("byReason", s.byReason());
        m.put("byDomain", s.byDomain());
        m.put("byProvider", s.byProvider());
        s.rate().ifPresent(r -> {
            Map<String, Object> rate = new LinkedHashMap<>();
            rate.put("sent", r.sent());
            rate.put("bouncedRecipients", r.bounced());
            rate.put("hardRecipients", r.hard());
            rate.put("rate", r.rate());
            rate.put("hardRate", r.hardRate());
            rate.put("line", BounceRate.LINE);
            rate.put("aboveLine", r.aboveLine());
            rate.put("explanation", r.explanation());
            m.put("bounceRate", rate);
        });
        List<Map<String, Object>> clusters = new ArrayList<>();
        for (Cluster c : s.clusters()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("domain", c.domain());
            cm.put("kind", c.kind());
            cm.put("count", c.count());
            cm.put("recipients", c.recipients());
            cm.put("first", c.first().map(Instant::toString).orElse(null));
            cm.put("last", c.last().map(Instant::toString).orElse(null));
            cm.put("windowSeconds", c.window().map(java.time.Duration::toSeconds).orElse(null));
            cm.put("verdict", c.verdict());
            cm.put("explanation", c.explanation());
            cm.put("examples", c.examples());
            clusters.add(cm);
        }
        m.put("clusters", clusters);
        List<Map<String, Object>> supp = new ArrayList<>();
        for (SuppressionEntry e : s.suppression()) {
            Map<String, Object> em = new LinkedHashMap<>();
            for (int i = 0; i < SuppressionEntry.CSV_COLUMNS.size(); i++) {
                em.put(SuppressionEntry.CSV_COLUMNS.get(i), e.cells().get(i));
            }
            supp.add(em);
        }
        m.put("suppression", supp);
        return m;
    }
}
