package org.maildoctor.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maildoctor.bounce.BounceResult;
import org.maildoctor.bounce.batch.SummaryReport;
import org.maildoctor.smtp.EnhancedStatus;
import org.maildoctor.smtp.Explainer;
import org.maildoctor.smtp.Explanation;
import org.maildoctor.smtp.Reason;
import org.maildoctor.smtp.ReplyCode;

/** What the Bounces page shows for an uploaded or pasted bounce: the per-recipient table, one explanation per reason. */
public record BounceParseView(List<Row> rows, List<Explained> explanations, SummaryReport summary, List<String> warnings) {

    private static final int DIAGNOSTIC_CHARS = 300;

    /** One row of the per-recipient table. */
    public record Row(String source, String recipient, String status, String replyCode, String reason, boolean hard,
            String dialect, String diagnostic) {
    }

    /** The knowledge-base explanation of one reason, from the first diagnostic that gave it. */
    public record Explained(Reason reason, String example, Explanation explanation) {
    }

    static BounceParseView of(BounceBatchRun run, Explainer explainer) {
        List<Row> rows = new ArrayList<>();
        Map<Reason, BounceResult> firstPerReason = new LinkedHashMap<>();
        for (BounceBatchRun.Found f : run.results) {
            BounceResult r = f.result();
            String d = r.diagnostic().replaceAll("\\s+", " ").trim();
            rows.add(new Row(f.source(), r.recipient(), r.status().map(EnhancedStatus::toString).orElse("-"),
                    r.replyCode().map(c -> String.valueOf(c.value())).orElse("-"), r.reason().code(), r.hard(), r.dialect(),
                    d.length() > DIAGNOSTIC_CHARS ? d.substring(0, DIAGNOSTIC_CHARS) + "…" : d));
            firstPerReason.putIfAbsent(r.reason(), r);
        }
        List<Explained> explained = new ArrayList<>();
        for (var e : firstPerReason.entrySet()) {
            BounceResult r = e.getValue();
            // the server's own words explain best; failing that, the codes the bounce carried
            String reply = r.diagnostic().isBlank()
                    ? r.replyCode().map(ReplyCode::value).map(String::valueOf).orElse("550") + " " + r.status().map(EnhancedStatus::toString).orElse("")
                    : r.diagnostic();
            if (explainer.explain(reply) instanceof Explainer.Result.Explained x) {
                explained.add(new Explained(e.getKey(), r.recipient(), x.explanation()));
            }
        }
        List<String> warnings = run.warnings.stream().map(w -> w.get("source") + ": " + w.get("warning")).toList();
        return new BounceParseView(rows, explained, run.summary, warnings);
    }
}
