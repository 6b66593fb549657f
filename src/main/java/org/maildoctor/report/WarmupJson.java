package org.maildoctor.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maildoctor.warmup.account.ConnectionReport;
import org.maildoctor.warmup.account.ConnectionStep;
import org.maildoctor.warmup.account.WarmupAccount;
import org.maildoctor.warmup.tracking.Alert;
import org.maildoctor.warmup.tracking.DailyStats;
import org.maildoctor.warmup.tracking.HealthReport;
import org.maildoctor.warmup.tracking.ScoreComponent;

/**
 * The JSON documents of the warm-up accounts, connection tests, daily stats and health, shared by
 * {@code maildoctor warmup … --json} and {@code /api/v1/warmup/…}; schemas in docs/cli-warmup.md.
 * Fields are listed one by one on purpose: nothing secret can slip in through a new record component.
 */
public final class WarmupJson {
    private WarmupJson() {
    }

    public static Map<String, Object> account(WarmupAccount a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", a.address());
        m.put("provider", a.provider().key());
        m.put("smtp", Map.of("host", a.smtp().host(), "port", a.smtp().port(), "tls", a.smtp().tls().key()));
        m.put("imap", Map.of("host", a.imap().host(), "port", a.imap().port(), "tls", a.imap().tls().key()));
        m.put("username", a.username());
        m.put("auth", a.auth().key());
        m.put("createdAt", a.createdAt().toString());
        return m;
    }

    public static Map<String, Object> connection(ConnectionReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", r.address());
        m.put("ok", r.ok());
        for (ConnectionReport.ServerCheck c : List.of(r.smtp(), r.imap())) {
            Map<String, Object> server = new LinkedHashMap<>();
            server.put("server", c.endpoint().host() + ":" + c.endpoint().port());
            server.put("tls", c.endpoint().tls().key());
            server.put("passed", c.passed().stream().map(ConnectionStep::code).toList());
            server.put("failedStep", c.failure().map(f -> f.step().code()).orElse(null));
            server.put("reason", c.failure().map(ConnectionReport.Failure::reason).orElse(null));
            if (c.protocol().equals("imap")) {
                server.put("folders", c.folders());
            }
            m.put(c.protocol(), server);
        }
        return m;
    }

    public static Map<String, Object> day(DailyStats d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", d.day().toString());
        m.put("sent", d.sent());
        m.put("received", d.received());
        m.put("inbox", d.inbox());
        m.put("spam", d.spam());
        m.put("category", d.category());
        m.put("other", d.other());
        m.put("missing", d.missing());
        m.put("placed", d.placed());
        m.put("inboxRate", round(d.inboxRate()));
        m.put("spamRate", round(d.spamRate()));
        m.put("replies", d.replies());
        m.put("bounces", d.bounces());
        m.put("authFailures", d.authFailures());
        return m;
    }

    public static Map<String, Object> stats(String mailbox, List<DailyStats> days) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mailbox", mailbox);
        m.put("from", days.isEmpty() ? null : days.getFirst().day().toString());
        m.put("to", days.isEmpty() ? null : days.getLast().day().toString());
        m.put("days", days.stream().map(WarmupJson::day).toList());
        return m;
    }

    public static Map<String, Object> health(HealthReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mailbox", r.mailbox());
        m.put("from", r.from().toString());
        m.put("to", r.to().toString());
        m.put("score", r.score());
        m.put("grade", r.grade());
        m.put("components", r.components().stream().map(WarmupJson::component).toList());
        m.put("alerts", alerts(r.alerts()));
        Map<String, Object> totals = day(r.totals());
        totals.remove("date");
        m.put("totals", totals);
        return m;
    }

    public static List<Map<String, Object>> alerts(List<Alert> alerts) {
        return alerts.stream().map(WarmupJson::alert).toList();
    }

    private static Map<String, Object> component(ScoreComponent c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", c.code());
        m.put("label", c.label());
        m.put("value", c.value() == null ? null : round(c.value()));
        m.put("points", c.points());
        m.put("weight", c.weight());
        m.put("explanation", c.explanation());
        return m;
    }

    private static Map<String, Object> alert(Alert a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", a.kind().code());
        m.put("severity", a.severity().token());
        m.put("lastDay", a.lastDay().toString());
        m.put("days", a.days());
        m.put("value", round(a.value()));
        m.put("threshold", a.threshold());
        m.put("explanation", a.explanation());
        m.put("fix", a.fix());
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
