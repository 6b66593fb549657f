package org.maildoctor.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maildoctor.placement.PlacementReport;
import org.maildoctor.placement.Seed;
import org.maildoctor.placement.SeedResult;

/**
 * The JSON documents of {@code maildoctor placement …} and {@code /api/v1/placement/…}; schema in
 * docs/cli-placement.md. Seeds are written field by field so a secret can never slip in.
 */
public final class PlacementJson {
    private PlacementJson() {
    }

    public static Map<String, Object> toMap(PlacementReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("token", r.token());
        m.put("status", r.finished() ? "finished" : "running");
        m.put("startedAt", r.startedAt().toString());
        m.put("deadline", r.deadline().toString());
        List<Map<String, Object>> seeds = new ArrayList<>();
        for (SeedResult s : r.seeds()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("address", s.address());
            e.put("provider", s.provider().key());
            e.put("placement", status(r, s));
            e.put("folder", s.folder().orElse(null));
            e.put("seconds", s.after().map(d -> d.toMillis() / 1000.0).orElse(null));
            e.put("error", s.error().orElse(null));
            seeds.add(e);
        }
        m.put("seeds", seeds);
        List<Map<String, Object>> providers = new ArrayList<>();
        r.byProvider().forEach((p, t) -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("provider", p.key());
            e.putAll(t.asMap());
            e.put("inboxRate", Math.round(t.inboxRate() * 1000) / 1000.0);
            providers.add(e);
        });
        m.put("providers", providers);
        Map<String, Object> total = new LinkedHashMap<>(r.total().asMap());
        total.put("inboxRate", Math.round(r.total().inboxRate() * 1000) / 1000.0);
        m.put("total", total);
        return m;
    }

    /** While a run is going, a seed not seen yet is {@code waiting}, not yet {@code missing}. */
    public static String status(PlacementReport r, SeedResult s) {
        return !r.finished() && s.status().equals("missing") ? "waiting" : s.status();
    }

    public static Map<String, Object> seed(Seed s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", s.address());
        m.put("provider", s.provider().key());
        m.put("imap", Map.of("host", s.imap().host(), "port", s.imap().port(), "tls", s.imap().tls().key()));
        m.put("username", s.username());
        m.put("createdAt", s.createdAt().toString());
        return m;
    }
}
