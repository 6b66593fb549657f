package org.maildoctor.web;

import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.maildoctor.report.ExplanationReport;
import org.maildoctor.smtp.Explainer;
import org.maildoctor.smtp.Explanation;

/**
 * The Bounces page, {@code POST /api/v1/bounces/explain} (paste an SMTP reply, get what it means and
 * what to do) and {@code POST /api/v1/bounces/parse} (upload or paste a bounce, an mbox, webhook JSON
 * or an MTA log; get every failed recipient, explained, and the batch summary).
 */
public final class BouncesModule implements WebModule {
    /** A pasted bounce can be long; anything past this is not part of a reply. */
    static final int MAX_REPLY_CHARS = 64 * 1024;

    private static final List<String> COMING = List.of();

    private final Explainer explainer = Explainer.standard();
    private final BounceParseRoutes parse = new BounceParseRoutes(java.time.Clock.systemUTC());

    /** The body of {@code POST /api/v1/bounces/explain}. */
    public record ExplainRequest(String reply) {
    }

    @Override
    public void register(Routes r) {
        Capability c = Capability.BOUNCES;
        r.nav(c.path(), c.label(), c.summary());
        r.page(c.path(), ctx -> render(r, ctx, "", null, null));
        r.form(c.path() + "/parse", ctx -> parsePage(r, ctx));
        r.form(c.path(), ctx -> {
            String reply = ctx.formParam("reply");
            String input = reply == null ? "" : reply;
            if (input.length() > MAX_REPLY_CHARS) {
                ctx.status(400);
                render(r, ctx, "", null, "That is longer than an SMTP reply can be; paste just the reply line(s).");
                return;
            }
            switch (explainer.explain(input)) {
                case Explainer.Result.Explained e -> render(r, ctx, input, e.explanation(), null);
                case Explainer.Result.NotExplained n -> {
                    ctx.status(400);
                    render(r, ctx, input, null, "Not an SMTP reply: " + n.reason());
                }
            }
        });
        r.apiPost("/bounces/explain", this::explainApi);
        r.apiPost("/bounces/parse", parse::parse);
    }

    /** The upload/paste form: multipart with a file input and a text area, both optional, at least one given. */
    private void parsePage(Routes r, Context ctx) {
        List<Upload.Part> parts = Upload.read(ctx, BounceParseRoutes.MAX_UPLOAD, "pasted");
        if (parts.isEmpty()) {
            ctx.status(400);
            render(r, ctx, "", null, null, null, "Paste a bounce message or choose a file (.eml, .mbox, .json, .log) first.");
            return;
        }
        BounceBatchRun run = BounceBatchRun.of(parts, java.util.OptionalLong.empty(), java.time.Clock.systemUTC());
        BounceParseView view = BounceParseView.of(run, explainer);
        if (run.decoded == 0) {
            ctx.status(422);
        }
        render(r, ctx, "", null, null, view, run.decoded == 0 ? "Nothing in it could be read as mail, JSON or a log." : null);
    }

    private static void render(Routes r, Context ctx, String reply, Explanation explanation, String error) {
        render(r, ctx, reply, explanation, error, null, null);
    }

    private static void render(Routes r, Context ctx, String reply, Explanation explanation, String error,
            BounceParseView parsed, String parseError) {
        Map<String, Object> params = new HashMap<>();
        params.put("reply", reply);
        params.put("explanation", explanation);
        params.put("error", error);
        params.put("coming", COMING);
        params.put("parsed", parsed);
        params.put("parseError", parseError);
        r.render(ctx, "bounces.jte", Capability.BOUNCES.label(), params);
    }

    @OpenApi(
            path = "/api/v1/bounces/explain",
            methods = HttpMethod.POST,
            operationId = "explainReply",
            summary = "Explain an SMTP reply: reason, hard/soft, likely causes and fixes",
            tags = {"bounces"},
            security = {@OpenApiSecurity(name = "bearerAuth")},
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = ExplainRequest.class)),
            responses = {
                @OpenApiResponse(status = "200", description = "The explanation: replyCode, status, reason, hard, "
                        + "meaning, causes[], fixes[], fixesForSender[], fixesForAdmin[], providerNotes{}",
                        content = @OpenApiContent(type = "application/json")),
                @OpenApiResponse(status = "400", description = "Missing reply, or not an SMTP reply",
                        content = @OpenApiContent(from = Problem.class, mimeType = Problem.CONTENT_TYPE)),
                @OpenApiResponse(status = "401", description = "Missing or wrong bearer token",
                        content = @OpenApiContent(from = Problem.class, mimeType = Problem.CONTENT_TYPE))
            })
    void explainApi(Context ctx) {
        ExplainRequest request = ctx.bodyAsClass(ExplainRequest.class);
        if (request == null || request.reply() == null || request.reply().isBlank()) {
            throw ProblemException.badRequest("field 'reply' is required: the SMTP reply to explain");
        }
        if (request.reply().length() > MAX_REPLY_CHARS) {
            throw ProblemException.badRequest("'reply' is longer than " + MAX_REPLY_CHARS + " characters");
        }
        switch (explainer.explain(request.reply())) {
            case Explainer.Result.Explained e -> ctx.json(ExplanationReport.toMap(e.explanation()));
            case Explainer.Result.NotExplained n -> throw ProblemException.badRequest("not an SMTP reply: " + n.reason());
        }
    }
}
