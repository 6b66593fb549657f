package org.maildoctor.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.maildoctor.auth.arc.ArcFailure;
import org.maildoctor.auth.dkim.DkimSignatureResult;
import org.maildoctor.auth.dkim.FailureReason;
import org.maildoctor.content.ContentFinding;
import org.maildoctor.content.ContentReport;
import org.maildoctor.receiver.score.ScoreCard;
import org.maildoctor.receiver.score.ScoreCheck;

/**
 * The JSON document of a score card (docs/cli-analyze.md), shared by {@code maildoctor analyze},
 * {@code maildoctor test report} and the REST API: {@code {score, authentication: {spf, spfHelo,
 * dkim[], dmarc, arc, authenticationResults}, envelope, checks[{id, category, status, explanation,
 * fix, deduction}], content}}.
 */
public final class ScoreCardJson {
    private ScoreCardJson() {
    }

    public static Map<String, Object> toMap(ScoreCard c) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("score", c.score());
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("spf", Map.of("result", c.spf().result().keyword(), "domain", c.spf().domain(),
                "reason", c.spf().reason()));
        auth.put("spfHelo", Map.of("result", c.spfHelo().result().keyword(), "domain", c.spfHelo().domain(),
                "reason", c.spfHelo().reason()));
        List<Map<String, Object>> dkim = new ArrayList<>();
        for (DkimSignatureResult s : c.dkim()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("result", s.verdict().word());
            m.put("domain", s.domain());
            m.put("selector", s.selector());
            m.put("reason", s.reason() == FailureReason.NONE ? null : s.reason().name());
            m.put("reasonText", s.reason() == FailureReason.NONE ? null : s.reason().text());
            m.put("explanation", s.explanation());
            dkim.add(m);
        }
        auth.put("dkim", dkim);
        Map<String, Object> dmarc = new LinkedHashMap<>();
        dmarc.put("result", c.dmarc().map(d -> d.result().token()).orElse("permerror"));
        dmarc.put("policy", c.dmarc().flatMap(d -> d.requestedPolicy()).map(p -> p.name().toLowerCase(Locale.ROOT))
                .orElse(null));
        dmarc.put("disposition", c.dmarc().map(d -> d.disposition().token()).orElse("none"));
        dmarc.put("fromDomain", c.fromDomain().orElse(null));
        auth.put("dmarc", dmarc);
        Map<String, Object> arc = new LinkedHashMap<>();
        arc.put("result", c.arc().status().code());
        arc.put("instances", c.arc().instances());
        arc.put("failedInstance", c.arc().failedInstance().isPresent() ? c.arc().failedInstance().getAsInt() : null);
        arc.put("reason", c.arc().reason() == ArcFailure.NONE ? null : c.arc().reason().name());
        arc.put("oldestPass", c.arc().oldestPass().isPresent() ? c.arc().oldestPass().getAsInt() : null);
        arc.put("explanation", c.arc().explanation());
        auth.put("arc", arc);
        auth.put("authenticationResults", c.authenticationResults());
        doc.put("authentication", auth);
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("clientIp", c.envelope().clientIp().getHostAddress());
        env.put("helo", c.envelope().helo());
        env.put("mailFrom", c.envelope().mailFrom());
        env.put("recipients", c.envelope().recipients());
        env.put("tls", c.envelope().tls());
        doc.put("envelope", env);
        doc.put("bulk", c.bulk());
        doc.put("checks", c.checks().stream().map(ScoreCardJson::check).toList());
        doc.put("content", content(c.content()));
        return doc;
    }

    static Map<String, Object> check(ScoreCheck k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", k.id());
        m.put("category", k.category());
        m.put("status", k.status().code());
        m.put("explanation", k.explanation());
        m.put("fix", k.fix().orElse(null));
        m.put("deduction", k.deduction());
        return m;
    }

    /** The template checker's document (docs/cli-content.md): {@code {score, spamScore, likelySpam, findings[{id, explanation, fix, points, spamWeight, evidence}]}}. */
    public static Map<String, Object> content(ContentReport r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("score", r.score());
        doc.put("spamScore", r.spamScore());
        doc.put("likelySpam", r.likelySpam());
        List<Map<String, Object>> findings = new ArrayList<>();
        for (ContentFinding f : r.findings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", f.id().id());
            m.put("explanation", f.explanation());
            m.put("fix", f.fix());
            m.put("points", f.points());
            m.put("spamWeight", f.id().spamWeight());
            m.put("evidence", f.evidence());
            findings.add(m);
        }
        doc.put("findings", findings);
        doc.put("phrases", r.phraseHits());
        doc.put("linkHosts", r.linkHosts());
        return doc;
    }
}
