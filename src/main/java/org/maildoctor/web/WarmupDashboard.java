package org.maildoctor.web;

import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.maildoctor.report.WarmupJson;
import org.maildoctor.report.WarmupPlanJson;
import org.maildoctor.warmup.PlanDay;
import org.maildoctor.warmup.Planner;
import org.maildoctor.warmup.RampParameters;
import org.maildoctor.warmup.RampRequest;
import org.maildoctor.warmup.WarmupPlan;
import org.maildoctor.warmup.account.WarmupAccount;
import org.maildoctor.warmup.tracking.DailyStats;
import org.maildoctor.warmup.tracking.HealthPolicy;
import org.maildoctor.warmup.tracking.HealthReport;
import org.maildoctor.warmup.tracking.MailboxTracking;
import org.maildoctor.warmup.tracking.StatsSeries;

/**
 * A mailbox's warm-up dashboard (volume planned vs sent, placement over time, health score and
 * alerts) and {@code /api/v1/warmup/accounts/{address}/stats|health|alerts|plan}. Days are UTC dates,
 * as the engine books them.
 */
final class WarmupDashboard {
    private static final int DEFAULT_DAYS = 30;

    private final Supplier<WarmupModule.Backend> backend;
    private final Planner planner;
    private final Clock clock;

    WarmupDashboard(Supplier<WarmupModule.Backend> backend, Planner planner, Clock clock) {
        this.backend = backend;
        this.planner = planner;
        this.clock = clock;
    }

    void register(Routes r) {
        r.page(WarmupAccountsPages.PATH + "/{address}", ctx -> page(r, ctx));
        r.apiGet("/warmup/accounts/{address}/stats", this::statsApi);
        r.apiGet("/warmup/accounts/{address}/health", this::healthApi);
        r.apiGet("/warmup/accounts/{address}/alerts", this::alertsApi);
        r.apiGet("/warmup/accounts/{address}/plan", this::planApi);
    }

    private WarmupAccount account(Context ctx) {
        String address = ctx.pathParam("address");
        return backend.get().accounts().find(address)
                .orElseThrow(() -> ProblemException.notFound("no warm-up account " + address));
    }

    private MailboxTracking tracking() {
        return new MailboxTracking(backend.get().stats());
    }

    /** {@code to} (default today, UTC) and {@code days} (default 30) from the query. */
    private LocalDate to(Context ctx) {
        String to = ctx.queryParam("to");
        if (to == null || to.isBlank()) {
            return LocalDate.now(clock.withZone(ZoneOffset.UTC));
        }
        try {
            return LocalDate.parse(to.trim());
        } catch (DateTimeException e) {
            throw ProblemException.badRequest("to must be YYYY-MM-DD, got '" + to + "'");
        }
    }

    private static int days(Context ctx) {
        String d = ctx.queryParam("days");
        try {
            return d == null || d.isBlank() ? DEFAULT_DAYS : Integer.parseInt(d.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("days must be a whole number, got '" + d + "'");
        }
    }

    /** Any IllegalArgumentException from parsing or the core becomes a 400 naming the mistake. */
    private static <T> T checked(Supplier<T> s) {
        try {
            return s.get();
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
    }

    /**
     * The ramp for this account: the plan page's parameters, defaulting to the account's provider,
     * a start on the day it was added, 5 → 50 a day, and at least enough days to reach {@code to}.
     */
    private RampRequest ramp(Function<String, String> query, WarmupAccount a, LocalDate to) {
        LocalDate added = LocalDate.ofInstant(a.createdAt(), ZoneOffset.UTC);
        Map<String, String> defaults = Map.of("provider", a.provider().key(), "target", "50",
                "startDate", added.toString());
        RampRequest r = RampParameters.parse(name -> {
            String v = query.apply(name);
            return v == null || v.isBlank() ? defaults.get(name) : v;
        });
        LocalDate start = r.startDate().orElse(added);
        if (r.days() == 0 && !to.isBefore(start)) {
            // the nominal length (to the target plus a week) may end before today: stretch it to today
            long span = ChronoUnit.DAYS.between(start, to) + 1;
            if (span > planner.plan(r).days().size()) {
                r = r.withDays((int) Math.min(RampRequest.MAX_DAYS, span));
            }
        }
        return r;
    }

    private void page(Routes r, Context ctx) {
        WarmupAccount a = account(ctx);
        Map<String, Object> params = new HashMap<>();
        params.put("account", a);
        Map<String, String> form = new HashMap<>();
        ctx.queryParamMap().forEach((k, v) -> form.put(k, v.isEmpty() ? null : v.getFirst()));
        params.put("form", form);
        params.put("error", null);
        try {
            LocalDate to = to(ctx);
            List<DailyStats> days = tracking().window(a.address(), to, days(ctx));
            // the page's "days" is the chart window, not the plan length
            WarmupPlan plan = tracking().plan(planner, a.address(), ramp(n -> n.equals("days") ? "" : ctx.queryParam(n),
                    a, to), to);
            Map<LocalDate, Integer> planned = new HashMap<>();
            for (PlanDay d : plan.days()) {
                planned.put(d.date(), d.volume());
            }
            HealthReport health = tracking().health(a.address(), to, HealthPolicy.parse(ctx::queryParam));
            params.put("days", days);
            params.put("totals", StatsSeries.total(a.address(), to, days));
            params.put("volumeChart", WarmupDashboardCharts.volume(days, planned));
            params.put("placementChart", WarmupDashboardCharts.placement(days));
            params.put("health", health);
            params.put("plan", plan);
        } catch (IllegalArgumentException | ProblemException e) {
            ctx.status(400);
            params.put("error", e.getMessage());
            params.put("days", List.of());
            params.put("totals", null);
            params.put("volumeChart", null);
            params.put("placementChart", null);
            params.put("health", null);
            params.put("plan", null);
        }
        r.render(ctx, "warmup-dashboard.jte", "Warm-up: " + a.address(), params);
    }

    @OpenApi(
            path = "/api/v1/warmup/accounts/{address}/stats",
            methods = HttpMethod.GET,
            operationId = "warmupDailyStats",
            summary = "A mailbox's warm-up counters per day (UTC), days without activity as zeros",
            tags = {"warmup"},
            security = {@OpenApiSecurity(name = "bearerAuth")},
            pathParams = @OpenApiParam(name = "address", required = true),
            queryParams = {
                @OpenApiParam(name = "days", description = "How many days (default 30, at most 366)"),
                @OpenApiParam(name = "to", description = "Last day, YYYY-MM-DD (default today)")
            },
            responses = {
                @OpenApiResponse(status = "200", description = "{mailbox, from, to, days[{date, sent, received, inbox, "
                        + "spam, category, other, missing, placed, inboxRate, spamRate, replies, bounces, "
                        + "authFailures}]}", content = @OpenApiContent(type = "application/json")),
                @OpenApiResponse(status = "404", description = "No such account",
                        content = @OpenApiContent(from = Problem.class, mimeType = Problem.CONTENT_TYPE))
            })
    void statsApi(Context ctx) {
        WarmupAccount a = account(ctx);
        List<DailyStats> days = checked(() -> tracking().window(a.address(), to(ctx), days(ctx)));
        ctx.json(WarmupJson.stats(a.address(), days));
    }

    @OpenApi(
            path = "/api/v1/warmup/accounts/{address}/health",
            methods = HttpMethod.GET,
            operationId = "warmupHealth",
            summary = "A mailbox's warm-up health score (0-100) with its explained components, and its alerts",
            tags = {"warmup"},
            security = {@OpenApiSecurity(name = "bearerAuth")},
            pathParams = @OpenApiParam(name = "address", required = true),
            queryParams = {
                @OpenApiParam(name = "spamThreshold", description = "Spam placement share that raises an alert "
                        + "(default 0.1; 10% also accepted)"),
                @OpenApiParam(name = "window", description = "Days the score looks at (default 7)"),
                @OpenApiParam(name = "to", description = "Last day, YYYY-MM-DD (default today)")
            },
            responses = {
                @OpenApiResponse(status = "200", description = "{mailbox, from, to, score, grade, components[{code, "
                        + "label, value, points, weight, explanation}], alerts[…], totals{…}}",
                        content = @OpenApiContent(type = "application/json")),
                @OpenApiResponse(status = "404", description = "No such account",
                        content = @OpenApiContent(from = Problem.class, mimeType = Problem.CONTENT_TYPE))
            })
    void healthApi(Context ctx) {
        ctx.json(WarmupJson.health(health(ctx)));
    }

    private HealthReport health(Context ctx) {
        WarmupAccount a = account(ctx);
        return checked(() -> tracking().health(a.address(), to(ctx), HealthPolicy.parse(ctx::queryParam)));
    }

    @OpenApi(
            path = "/api/v1/warmup/accounts/{address}/alerts",
            methods = HttpMethod.GET,
            operationId = "warmupAlerts",
            summary = "Alerts: spam placement over the threshold, bounce rate over 2 %, authentication failures",
            tags = {"warmup"},
            security = {@OpenApiSecurity(name = "bearerAuth")},
            pathParams = @OpenApiParam(name = "address", required = true),
            queryParams = {
                @OpenApiParam(name = "spamThreshold", description = "Spam placement share that raises an alert"),
                @OpenApiParam(name = "window", description = "Days looked at (default 7)"),
                @OpenApiParam(name = "to", description = "Last day, YYYY-MM-DD (default today)")
            },
            responses = {
                @OpenApiResponse(status = "200", description = "{mailbox, alerts[{kind, severity, lastDay, days, value, "
                        + "threshold, explanation, fix}]}", content = @OpenApiContent(type = "application/json")),
                @OpenApiResponse(status = "404", description = "No such account",
                        content = @OpenApiContent(from = Problem.class, mimeType = Problem.CONTENT_TYPE))
            })
    void alertsApi(Context ctx) {
        HealthReport h = health(ctx);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mailbox", h.mailbox());
        out.put("alerts", WarmupJson.alerts(h.alerts()));
        ctx.json(out);
    }

    @OpenApi(
            path = "/api/v1/warmup/accounts/{address}/plan",
            methods = HttpMethod.GET,
            operationId = "warmupMailboxPlan",
            summary = "The mailbox's ramp replayed with its observed days: cut after bad days, held after warnings",
            tags = {"warmup"},
            security = {@OpenApiSecurity(name = "bearerAuth")},
            pathParams = @OpenApiParam(name = "address", required = true),
            queryParams = {
                @OpenApiParam(name = "target", description = "Daily volume to reach (default 50)"),
                @OpenApiParam(name = "start", description = "Volume on day 1 (default 5)"),
                @OpenApiParam(name = "step", description = "Most the volume grows per sending day (default 2)"),
                @OpenApiParam(name = "startDate", description = "Day 1 (default: the day the account was added)"),
                @OpenApiParam(name = "days", description = "Plan length (default: through today, or the nominal length)")
            },
            responses = {
                @OpenApiResponse(status = "200", description = "As GET /api/v1/warmup/plan",
                        content = @OpenApiContent(type = "application/json")),
                @OpenApiResponse(status = "404", description = "No such account",
                        content = @OpenApiContent(from = Problem.class, mimeType = Problem.CONTENT_TYPE))
            })
    void planApi(Context ctx) {
        WarmupAccount a = account(ctx);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        WarmupPlan plan = checked(() -> tracking().plan(planner, a.address(), ramp(ctx::queryParam, a, today), today));
        ctx.json(WarmupPlanJson.toMap(plan, planner, false));
    }
}
