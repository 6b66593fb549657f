package org.maildoctor.web;

import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.maildoctor.report.WarmupPlanJson;
import org.maildoctor.warmup.account.AccountService;
import org.maildoctor.warmup.tracking.StatsRepository;
import org.maildoctor.warmup.MailboxProvider;
import org.maildoctor.warmup.Planner;
import org.maildoctor.warmup.RampParameters;
import org.maildoctor.warmup.RampRequest;
import org.maildoctor.warmup.WarmupPlan;

/**
 * The Warm-up pages: the ramp planner (the curve drawn as a chart), the accounts page and a
 * dashboard per mailbox ({@link WarmupAccountsPages}, {@link WarmupDashboard}), and their REST API
 * under {@code /api/v1/warmup/}.
 */
public final class WarmupModule implements WebModule {
    private final Planner planner;
    private final Clock clock;
    private final Optional<Backend> backend;

    /** What the account and tracking pages need from the store; absent when started without one. */
    public record Backend(AccountService accounts, StatsRepository stats) {
    }

    /** Without a store: the planner only (the account and stats routes answer 503). */
    public WarmupModule(Clock clock) {
        this(clock, Optional.empty());
    }

    public WarmupModule(Clock clock, Optional<Backend> backend) {
        this.planner = new Planner(clock);
        this.clock = clock;
        this.backend = backend;
    }

    @Override
    public void register(Routes r) {
        Capability c = Capability.WARMUP;
        r.nav(c.path(), c.label(), c.summary());
        r.page(c.path(), ctx -> page(r, ctx));
        r.apiGet("/warmup/plan", this::api);
        new WarmupAccountsPages(this::backend).register(r);
        new WarmupDashboard(this::backend, planner, clock).register(r);
    }

    private Backend backend() {
        return backend.orElseThrow(() -> new ProblemException(503, "no store: warm-up accounts and statistics "
                + "are available under 'maildoctor serve'"));
    }

    private void page(Routes r, Context ctx) {
        Map<String, Object> params = new HashMap<>();
        Map<String, String> form = new HashMap<>();
        ctx.queryParamMap().forEach((k, v) -> form.put(k, v.isEmpty() ? null : v.getFirst()));
        // an empty form shows the common case, so the page opens with a curve to look at
        form.putIfAbsent("start", "5");
        form.putIfAbsent("target", "50");
        form.putIfAbsent("provider", MailboxProvider.GMAIL.key());
        params.put("form", form);
        params.put("providers", MailboxProvider.values());
        params.put("plan", null);
        params.put("chart", null);
        params.put("error", null);
        try {
            WarmupPlan plan = planner.plan(RampParameters.parse(form::get));
            params.put("plan", plan);
            params.put("chart", WarmupChart.svg(plan));
        } catch (IllegalArgumentException e) {
            ctx.status(400);
            params.put("error", e.getMessage());
        }
        r.render(ctx, "warmup.jte", Capability.WARMUP.label(), params);
    }

    @OpenApi(
            path = "/api/v1/warmup/plan",
            methods = HttpMethod.GET,
            operationId = "planWarmup",
            summary = "A mailbox's day-by-day warm-up volume curve",
            tags = {"warmup"},
            security = {@OpenApiSecurity(name = "bearerAuth")},
            queryParams = {
                @OpenApiParam(name = "target", required = true, description = "Daily volume to reach and hold"),
                @OpenApiParam(name = "start", description = "Volume on day 1 (default 5)"),
                @OpenApiParam(name = "step", description = "Most the volume grows per sending day (default 2)"),
                @OpenApiParam(name = "provider", description = "gmail, google-workspace, microsoft-365, outlook, yahoo, "
                        + "zoho, icloud, fastmail, custom (default)"),
                @OpenApiParam(name = "cap", description = "A lower daily cap than the provider's"),
                @OpenApiParam(name = "new", description = "true for a new domain or mailbox (half the step)"),
                @OpenApiParam(name = "campaignVolume", description = "Mail sent each day besides warm-up"),
                @OpenApiParam(name = "weekdaysOnly", description = "true: nothing on Saturdays and Sundays"),
                @OpenApiParam(name = "replyRate", description = "Share of received warm-up mail to answer, 0-1"),
                @OpenApiParam(name = "tz", description = "The mailbox's time zone, e.g. Europe/Berlin (default UTC)"),
                @OpenApiParam(name = "hours", description = "Business hours, e.g. 09:00-17:00"),
                @OpenApiParam(name = "startDate", description = "Day 1, YYYY-MM-DD (default today in tz)"),
                @OpenApiParam(name = "days", description = "Plan length (default: until the target plus a week)"),
                @OpenApiParam(name = "seed", description = "Seed of the random send times"),
                @OpenApiParam(name = "times", description = "true: include each day's send times")
            },
            responses = {
                @OpenApiResponse(status = "200", description = "{provider, providerDailyLimit, start, target, plateau, "
                        + "growthPerDay, promisedDay, weekdaysOnly, timeZone, startDate, days[{day, date, volume, action, "
                        + "replies, sendTimes?}]}", content = @OpenApiContent(type = "application/json")),
                @OpenApiResponse(status = "400", description = "A missing target or an impossible request",
                        content = @OpenApiContent(from = Problem.class, mimeType = Problem.CONTENT_TYPE))
            })
    void api(Context ctx) {
        RampRequest request;
        try {
            request = RampParameters.parse(ctx::queryParam);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
        ctx.json(WarmupPlanJson.toMap(planner.plan(request), planner, "true".equals(ctx.queryParam("times"))));
    }
}
