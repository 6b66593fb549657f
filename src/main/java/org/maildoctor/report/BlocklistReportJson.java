package org.maildoctor.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maildoctor.blocklist.Blocklist;
import org.maildoctor.blocklist.BlocklistReport;
import org.maildoctor.blocklist.ListResult;
import org.maildoctor.blocklist.ReturnCode;
import org.maildoctor.blocklist.Target;
import org.maildoctor.blocklist.UnknownCause;
import org.maildoctor.blocklist.Verdict;

/**
 * The JSON document of {@code maildoctor blocklist --json} and {@code GET /api/v1/blocklists/{target}};
 * schema in docs/cli-blocklist.md.
 */
public final class BlocklistReportJson {
    private BlocklistReportJson() {
    }

    public static Map<String, Object> toMap(BlocklistReport report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", report.target().text());
        m.put("kind", report.target() instanceof Target.Ip ? "ip" : "domain");
        m.put("verdict", report.overall().code());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("listed", report.with(Verdict.LISTED).size());
        summary.put("notListed", report.with(Verdict.NOT_LISTED).size());
        summary.put("unknown", report.with(Verdict.UNKNOWN).size());
        m.put("summary", summary);
        List<Map<String, Object>> lists = new ArrayList<>();
        for (ListResult r : report.results()) {
            Map<String, Object> x = list(r.list());
            x.put("queryName", r.queryName());
            x.put("verdict", r.verdict().code());
            x.put("cause", r.cause().map(UnknownCause::code).orElse(null));
            x.put("answers", r.answers());
            x.put("codes", r.codes().stream().map(BlocklistReportJson::code).toList());
            x.put("reason", r.reason().orElse(null));
            x.put("probe", r.probe().code());
            x.put("explanation", r.explanation());
            lists.add(x);
        }
        m.put("lists", lists);
        m.put("skipped", report.skipped().stream().map(s -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", s.list().id());
            x.put("name", s.list().name());
            x.put("why", s.why());
            return x;
        }).toList());
        return m;
    }

    private static Map<String, Object> list(Blocklist l) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("id", l.id());
        x.put("name", l.name());
        x.put("zone", l.zone());
        x.put("codesVerified", l.verified());
        x.put("delisting", l.delisting());
        return x;
    }

    private static Map<String, Object> code(ReturnCode c) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("code", c.code());
        x.put("meaning", c.meaning());
        x.put("sublist", c.sublist().orElse(null));
        return x;
    }

    /** The catalogue as {@code maildoctor blocklist --catalogue --json} prints it. */
    public static List<Map<String, Object>> catalogue(List<Blocklist> lists) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Blocklist l : lists) {
            Map<String, Object> x = list(l);
            x.put("kind", l.kind().code());
            x.put("ipv6", l.ipv6());
            x.put("scheme", l.scheme().code());
            x.put("enabled", l.enabled());
            x.put("codeSource", l.codeSource());
            x.put("note", l.note().orElse(null));
            x.put("server", l.server().map(Object::toString).orElse(null));
            x.put("codes", l.codes().stream().map(BlocklistReportJson::code).toList());
            x.put("errors", l.errors().stream().map(BlocklistReportJson::code).toList());
            out.add(x);
        }
        return out;
    }
}
