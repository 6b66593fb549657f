package org.maildoctor.web;

import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.maildoctor.blocklist.BlocklistChecker;
import org.maildoctor.blocklist.BlocklistReport;
import org.maildoctor.blocklist.Target;
import org.maildoctor.report.BlocklistReportJson;

/** The Blocklists page and {@code GET /api/v1/blocklists/{target}}. */
public final class BlocklistsModule implements WebModule {
    /** Each list has its own timeout; this only bounds a pathological pile-up. */
    private static final long MAX_SECONDS = 60;

    private final BlocklistChecker checker;

    public BlocklistsModule(BlocklistChecker checker) {
        this.checker = checker;
    }

    @Override
    public void register(Routes r) {
        Capability c = Capability.BLOCKLISTS;
        r.nav(c.path(), c.label(), c.summary());
        r.page(c.path(), ctx -> page(r, ctx));
        r.apiGet("/blocklists/{target}", this::api);
    }

    private void page(Routes r, Context ctx) {
        String target = ctx.queryParam("target");
        Map<String, Object> params = new HashMap<>();
        params.put("target", target == null ? "" : target);
        params.put("report", null);
        params.put("error", null);
        if (target != null && !target.isBlank()) {
            try {
                params.put("report", run(target, List.of()));
            } catch (ProblemException e) {
                ctx.status(400);
                params.put("error", e.getMessage());
            }
        }
        r.render(ctx, "blocklists.jte", Capability.BLOCKLISTS.label(), params);
    }

    @OpenApi(
            path = "/api/v1/blocklists/{target}",
            methods = HttpMethod.GET,
            operationId = "checkBlocklists",
            summary = "An IP address or a domain against the DNS blocklist catalogue: listed / not-listed / unknown per list",
            tags = {"blocklists"},
            security = {@OpenApiSecurity(name = "bearerAuth")},
            pathParams = {@OpenApiParam(name = "target", required = true, description = "IPv4 or IPv6 address, or a domain")},
            queryParams = {@OpenApiParam(name = "list", description = "Only this list id (repeatable)")},
            responses = {
                @OpenApiResponse(status = "200", description = "{target, kind, verdict, summary, lists[{id, name, zone, "
                        + "codesVerified, delisting, queryName, verdict, cause, answers, codes, reason, probe, explanation}], "
                        + "skipped[{id, name, why}]}", content = @OpenApiContent(type = "application/json")),
                @OpenApiResponse(status = "400", description = "Neither an IP address nor a domain, or an unknown list id",
                        content = @OpenApiContent(from = Problem.class, mimeType = Problem.CONTENT_TYPE))
            })
    void api(Context ctx) {
        ctx.json(BlocklistReportJson.toMap(run(ctx.pathParam("target"), ctx.queryParams("list"))));
    }

    private BlocklistReport run(String text, List<String> lists) {
        Target target;
        try {
            target = Target.parse(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
        var running = checkOrBadRequest(target, lists);
        try {
            return running.get(MAX_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("blocklist check of " + target.text() + " did not finish", e);
        }
    }

    private java.util.concurrent.CompletableFuture<BlocklistReport> checkOrBadRequest(Target target, List<String> lists) {
        try {
            return checker.check(target, lists);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
    }
}
