package org.maildoctor.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.maildoctor.placement.PlacementReport;
import org.maildoctor.placement.PlacementToken;
import org.maildoctor.placement.Seed;
import org.maildoctor.placement.SeedResult;
import org.maildoctor.placement.adapter.PlacementTests;
import org.maildoctor.placement.adapter.SmtpSubmission;
import org.maildoctor.report.PlacementJson;

/**
 * The Inbox placement page and REST resources: the seeds (never their credentials), starting a test
 * (sent by us when a submission server is configured, else by the user with the token in the
 * Subject), and its report while it runs and after. Runs live in memory (the last {@value #KEEP}).
 */
public final class PlacementModule implements WebModule {
    static final int KEEP = 50;
    static final Duration MAX_DEADLINE = Duration.ofMinutes(30);
    private static final Duration POLL = Duration.ofSeconds(5);
    private static final java.util.regex.Pattern DEADLINE = java.util.regex.Pattern.compile("(\\d{1,6})\\s*(s|m)?");

    private final PlacementTests tests;
    private final Optional<SmtpSubmission.Settings> submission;
    private final Map<String, PlacementReport> runs = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, PlacementReport> eldest) {
                    return size() > KEEP;
                }
            });

    /** @param submission where to send the test message from; empty: the user sends it */
    public PlacementModule(PlacementTests tests, Optional<SmtpSubmission.Settings> submission) {
        this.tests = tests;
        this.submission = submission;
    }

    @Override
    public void register(Routes r) {
        Capability c = Capability.PLACEMENT;
        r.nav(c.path(), c.label(), c.summary());
        r.page(c.path(), ctx -> page(r, ctx, null));
        r.form(c.path() + "/runs", ctx -> {
            String deadline = ctx.formParam("deadline");
            String message = ctx.formParam("message");
            try {
                PlacementReport started = start(deadline == null || deadline.isBlank() ? "2m" : deadline,
                        message == null || message.isBlank() ? new byte[0]
                                : message.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                ctx.redirect(c.path() + "/" + started.token(), HttpStatus.SEE_OTHER);
            } catch (ProblemException e) {
                ctx.status(e.status());
                page(r, ctx, e.getMessage());
            }
        });
        r.page(c.path() + "/{token}", ctx -> runPage(r, ctx));
        r.apiGet("/placement/seeds", this::seedsApi);
        r.apiPost("/placement/runs", this::startApi);
        r.apiGet("/placement/runs/{token}", this::runApi);
    }

    private void page(Routes r, Context ctx, String error) {
        Map<String, Object> params = new HashMap<>();
        params.put("seeds", tests.seeds().list());
        params.put("canSend", submission.isPresent());
        params.put("error", error);
        r.render(ctx, "placement.jte", Capability.PLACEMENT.label(), params);
    }

    private void runPage(Routes r, Context ctx) {
        PlacementReport report = find(ctx.pathParam("token"));
        Map<String, Object> params = new HashMap<>();
        params.put("report", report);
        params.put("rows", report.seeds().stream().map(s -> new Row(s, PlacementJson.status(report, s))).toList());
        params.put("providers", report.byProvider().entrySet().stream()
                .map(e -> new ProviderRow(e.getKey().label(), e.getValue())).toList());
        r.render(ctx, "placement-run.jte", Capability.PLACEMENT.label(), params);
    }

    /** A seed's line on the run page. */
    public record Row(SeedResult seed, String status) {
    }

    /** A provider's line on the run page. */
    public record ProviderRow(String provider, PlacementReport.Tally tally) {
        public String inboxRate() {
            return String.format(java.util.Locale.ROOT, "%.0f %%", tally.inboxRate() * 100);
        }
    }

    private PlacementReport find(String raw) {
        String token;
        try {
            token = PlacementToken.parse(raw);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound(e.getMessage());
        }
        PlacementReport r = runs.get(token);
        if (r == null) {
            throw ProblemException.notFound("no placement test " + token + " on this server (runs are kept in memory)");
        }
        return r;
    }

    /** Starts a run in the background; the returned report is the first, empty one. */
    PlacementReport start(String deadlineText, byte[] message) {
        java.util.regex.Matcher m = DEADLINE.matcher(deadlineText.strip());
        if (!m.matches()) {
            throw ProblemException.badRequest("deadline: expected seconds or minutes such as 90s or 2m, got '"
                    + deadlineText + "'");
        }
        Duration deadline = "m".equals(m.group(2)) ? Duration.ofMinutes(Long.parseLong(m.group(1)))
                : Duration.ofSeconds(Long.parseLong(m.group(1)));
        if (deadline.isNegative() || deadline.compareTo(MAX_DEADLINE) > 0) {
            throw ProblemException.badRequest("the deadline must be between 0 and " + MAX_DEADLINE.toMinutes() + " minutes");
        }
        List<Seed> seeds = tests.seeds().list();
        if (seeds.isEmpty()) {
            throw ProblemException.badRequest("no seeds yet; add some with: maildoctor placement seeds add ADDRESS --provider NAME");
        }
        if (message.length > 0 && submission.isEmpty()) {
            throw ProblemException.badRequest("this server has no submission server configured: send the message "
                    + "yourself, with the token in the Subject, and leave the message empty");
        }
        String token = PlacementToken.generate(new SecureRandom());
        Map<String, String> refused;
        if (message.length > 0) {
            try {
                refused = tests.send(submission.get(), message, token, seeds);
            } catch (SmtpSubmission.SubmissionFailed e) {
                throw new ProblemException(502, "could not send the test message: " + e.getMessage());
            }
        } else {
            refused = Map.of();
        }
        java.time.Instant now = java.time.Instant.now();
        PlacementReport first = new PlacementReport(token, now, now.plus(deadline), false,
                seeds.stream().map(SeedResult::missing).toList());
        runs.put(token, first);
        Map<String, String> refusedFinal = refused;
        Thread.ofVirtual().name("placement-" + token).start(() -> {
            try {
                runs.put(token, tests.poll(token, seeds, refusedFinal, deadline, POLL, p -> runs.put(token, p)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return first;
    }

    @OpenApi(path = "/api/v1/placement/seeds", methods = HttpMethod.GET, operationId = "listPlacementSeeds",
            summary = "The seed mailboxes and their IMAP servers; credentials are never returned", tags = {"placement"},
            security = {@OpenApiSecurity(name = "bearerAuth")},
            responses = @OpenApiResponse(status = "200", description = "{seeds[{address, provider, imap{host, port, tls}, "
                    + "username, createdAt}]}", content = @OpenApiContent(type = "application/json")))
    void seedsApi(Context ctx) {
        ctx.json(Map.of("seeds", tests.seeds().list().stream().map(PlacementJson::seed).toList()));
    }

    @OpenApi(path = "/api/v1/placement/runs", methods = HttpMethod.POST, operationId = "startPlacementTest",
            summary = "Start a placement test: the raw message in the body is sent to every seed (when the server has a "
                    + "submission server), or an empty body to send it yourself with the token in the Subject",
            tags = {"placement"}, security = {@OpenApiSecurity(name = "bearerAuth")},
            queryParams = @OpenApiParam(name = "deadline", description = "How long to wait, e.g. 2m (default), at most 30m"),
            responses = {
                @OpenApiResponse(status = "202", description = "{token, status: running, seeds[…], providers[…], total}",
                        content = @OpenApiContent(type = "application/json")),
                @OpenApiResponse(status = "400", description = "No seeds, a bad deadline, or a message without a "
                        + "submission server", content = @OpenApiContent(from = Problem.class, mimeType = Problem.CONTENT_TYPE)),
                @OpenApiResponse(status = "502", description = "The submission server refused the message",
                        content = @OpenApiContent(from = Problem.class, mimeType = Problem.CONTENT_TYPE))})
    void startApi(Context ctx) {
        String deadline = ctx.queryParam("deadline");
        byte[] body = ctx.bodyAsBytes();
        if (body.length > DeliverabilityModule.MAX_PASTE) {
            throw ProblemException.badRequest("the message is larger than " + DeliverabilityModule.MAX_PASTE / (1024 * 1024) + " MiB");
        }
        PlacementReport first = start(deadline == null ? "2m" : deadline, body);
        ctx.status(202).json(PlacementJson.toMap(first));
    }

    @OpenApi(path = "/api/v1/placement/runs/{token}", methods = HttpMethod.GET, operationId = "placementTest",
            summary = "A placement test's report, per seed and per provider, while it runs and after", tags = {"placement"},
            security = {@OpenApiSecurity(name = "bearerAuth")},
            pathParams = @OpenApiParam(name = "token", required = true, description = "The test's token (mdp-…)"),
            responses = {
                @OpenApiResponse(status = "200", description = "{token, status: running|finished, startedAt, deadline, "
                        + "seeds[{address, provider, placement: inbox|spam|category|other|missing|waiting|error, folder, "
                        + "seconds, error}], providers[{provider, inbox, spam, category, other, missing, error, inboxRate}], "
                        + "total}", content = @OpenApiContent(type = "application/json")),
                @OpenApiResponse(status = "404", description = "No such test on this server",
                        content = @OpenApiContent(from = Problem.class, mimeType = Problem.CONTENT_TYPE))})
    void runApi(Context ctx) {
        ctx.json(PlacementJson.toMap(find(ctx.pathParam("token"))));
    }
}
