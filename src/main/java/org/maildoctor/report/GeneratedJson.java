package org.maildoctor.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maildoctor.auth.dkim.GeneratedDkimKey;
import org.maildoctor.auth.spf.SpfFinding;
import org.maildoctor.auth.spf.SpfTree;
import org.maildoctor.generate.DkimGenerator;
import org.maildoctor.generate.DmarcProposal;
import org.maildoctor.generate.Flattening;
import org.maildoctor.generate.MtaStsProposal;
import org.maildoctor.generate.RolloutStage;
import org.maildoctor.generate.SpfProposal;
import org.maildoctor.generate.TxtRecord;

/**
 * The JSON documents of {@code maildoctor generate … --json} and {@code POST /api/v1/generate/…};
 * schema in docs/cli-generate.md.
 */
public final class GeneratedJson {
    private GeneratedJson() {
    }

    public static Map<String, Object> txt(TxtRecord t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", t.name());
        m.put("type", "TXT");
        m.put("value", t.value());
        m.put("strings", t.strings());
        m.put("zoneFileLine", t.zoneFileLine());
        return m;
    }

    public static Map<String, Object> spf(SpfProposal p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("domain", p.domain());
        m.put("record", txt(p.record()));
        m.put("lookups", p.lookups());
        m.put("lookupLimit", 10);
        m.put("withinLimit", p.withinLimit());
        m.put("voidLookups", p.voidLookups());
        m.put("tree", tree(p.tree()));
        m.put("findings", p.findings().stream().map(GeneratedJson::finding).toList());
        m.put("notes", p.notes());
        m.put("flattening", p.flattening().map(GeneratedJson::flattening).orElse(null));
        return m;
    }

    private static Map<String, Object> flattening(Flattening f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("flattened", f.flattened());
        m.put("ranges", f.ranges());
        m.put("record", txt(f.record()));
        m.put("lookupsAfter", f.lookupsAfter());
        m.put("withinLimit", f.withinLimit());
        m.put("notFlattened", f.notFlattened());
        m.put("caveat", f.caveat());
        return m;
    }

    private static Map<String, Object> tree(SpfTree t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("domain", t.domain());
        m.put("via", t.via());
        m.put("status", t.status().name().toLowerCase(java.util.Locale.ROOT));
        m.put("ownLookups", t.ownLookups());
        m.put("cumulativeLookups", t.cumulativeLookups());
        m.put("children", t.children().stream().map(GeneratedJson::tree).toList());
        return m;
    }

    private static Map<String, Object> finding(SpfFinding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        m.put("severity", f.severity().name().toLowerCase(java.util.Locale.ROOT));
        m.put("domain", f.domain());
        m.put("explanation", f.explanation());
        m.put("fix", f.fix());
        return m;
    }

    public static Map<String, Object> dmarc(DmarcProposal p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("domain", p.domain());
        m.put("record", txt(p.record()));
        m.put("warnings", p.warnings());
        m.put("externalDestinations", p.externalDestinations().stream().map(GeneratedJson::txt).toList());
        m.put("rollout", p.rollout().stream().map(GeneratedJson::stage).toList());
        return m;
    }

    private static Map<String, Object> stage(RolloutStage s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step", s.step());
        m.put("record", s.record());
        m.put("duration", s.duration());
        m.put("moveOnWhen", s.moveOnWhen());
        return m;
    }

    /** The public part only; the caller adds the private key where the user asked for it. */
    public static Map<String, Object> dkim(GeneratedDkimKey key) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("domain", key.domain());
        m.put("selector", key.selector());
        m.put("keyType", key.keyType().tagValue());
        m.put("bits", key.bits());
        m.put("record", txt(DkimGenerator.txt(key)));
        return m;
    }

    public static Map<String, Object> mtaSts(MtaStsProposal p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("domain", p.domain());
        m.put("policyUrl", p.policyUrl());
        m.put("policyFile", p.policyFile());
        m.put("stsRecord", txt(p.stsRecord()));
        m.put("tlsRptRecord", p.tlsRptRecord().map(GeneratedJson::txt).orElse(null));
        return m;
    }
}
