package org.maildoctor.web;

import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.maildoctor.bounce.batch.ResultRows;
import org.maildoctor.bounce.batch.SummaryMaps;

/**
 * {@code POST /api/v1/bounces/parse}: a bounce (.eml), an mbox, webhook JSON or an MTA log as the raw
 * body or as multipart/form-data files; answers every failed recipient and the batch summary.
 */
final class BounceParseRoutes {
    /** Larger uploads get 413; the CLI streams files of any size. */
    static final long MAX_UPLOAD = 25L * 1024 * 1024;

    private final Clock clock;

    BounceParseRoutes(Clock clock) {
        this.clock = clock;
    }

    static OptionalLong sent(Context ctx) {
        String s = ctx.queryParam("sent");
        if (s == null || s.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            long n = Long.parseLong(s.trim());
            if (n > 0) {
                return OptionalLong.of(n);
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ProblemException.badRequest("'sent' must be a positive number of messages sent");
    }

    @OpenApi(
            path = "/api/v1/bounces/parse",
            methods = HttpMethod.POST,
            operationId = "parseBounces",
            summary = "Parse bounces: every failed recipient with codes, reason and hard/soft, and a summary",
            description = "The body is one bounce message (.eml), an mbox, Amazon SES webhook JSON or a Postfix/Exim log, "
                    + "sent raw (message/rfc822, application/mbox, text/plain, application/json, application/octet-stream) "
                    + "or as multipart/form-data files. At most 25 MB.",
            tags = {"bounces"},
            security = {@OpenApiSecurity(name = "bearerAuth")},
            queryParams = {@OpenApiParam(name = "sent", type = Long.class,
                    description = "Messages sent, for the bounce rate against the 2 % line")},
            requestBody = @OpenApiRequestBody(required = true, content = {
                @OpenApiContent(type = "message/rfc822"), @OpenApiContent(type = "application/mbox"),
                @OpenApiContent(type = "text/plain"), @OpenApiContent(type = "multipart/form-data")}),
            responses = {
                @OpenApiResponse(status = "200", description = "results[] (the fields of `bounce parse` JSON lines: file, "
                        + "recipient, status, replyCode, reason, hard, action, diagnostic, reportingMta, dialect, ...), "
                        + "warnings[] ({source, warning}) and summary {messages, byReason, byDomain, byProvider, "
                        + "bounceRate, clusters[], suppression[]}", content = @OpenApiContent(type = "application/json")),
                @OpenApiResponse(status = "400", description = "Empty body, unreadable multipart, or bad 'sent'",
                        content = @OpenApiContent(from = Problem.class, mimeType = Problem.CONTENT_TYPE)),
                @OpenApiResponse(status = "401", description = "Missing or wrong bearer token",
                        content = @OpenApiContent(from = Problem.class, mimeType = Problem.CONTENT_TYPE)),
                @OpenApiResponse(status = "413", description = "Upload larger than 25 MB",
                        content = @OpenApiContent(from = Problem.class, mimeType = Problem.CONTENT_TYPE)),
                @OpenApiResponse(status = "422", description = "Nothing in the upload could be read as mail, JSON or a log",
                        content = @OpenApiContent(from = Problem.class, mimeType = Problem.CONTENT_TYPE))
            })
    void parse(Context ctx) {
        OptionalLong sent = sent(ctx);
        List<Upload.Part> parts = Upload.read(ctx, MAX_UPLOAD, "body");
        if (parts.isEmpty()) {
            throw ProblemException.badRequest("empty body: send a bounce message (.eml), an mbox, webhook JSON or an MTA "
                    + "log as the request body, or as multipart/form-data files");
        }
        BounceBatchRun run = BounceBatchRun.of(parts, sent, clock);
        if (run.decoded == 0) {
            throw new ProblemException(422, "nothing in the upload could be read: "
                    + run.warnings.stream().map(w -> w.get("source") + ": " + w.get("warning")).reduce((a, b) -> a + "; " + b).orElse(""));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (BounceBatchRun.Found f : run.results) {
            rows.add(ResultRows.row(f.source(), f.message(), f.result()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("results", rows);
        body.put("warnings", run.warnings);
        body.put("summary", SummaryMaps.toMap(run.summary));
        ctx.json(body);
    }
}
