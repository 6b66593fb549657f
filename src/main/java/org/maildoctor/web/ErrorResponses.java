package org.maildoctor.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.validation.ValidationException;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every failure into RFC 9457 problem+json on API paths and an HTML error page elsewhere. */
final class ErrorResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);
    private static final ObjectMapper PROBLEM_JSON = new ObjectMapper();
    /** Marks a response whose error body is already written, so the 404 error mapper leaves it alone. */
    private static final String ERROR_WRITTEN = "maildoctor.error-written";

    private ErrorResponses() {
    }

    /** API-style paths answer errors with problem+json and authenticate with a bearer token. */
    static boolean isApi(String path) {
        return path.startsWith("/api/") || path.equals("/api") || path.equals("/metrics");
    }

    static void install(Javalin app, Pages pages) {
        app.exception(ProblemException.class, (e, ctx) -> writeError(ctx, pages, e.status(), e.getMessage()));
        app.exception(ValidationException.class, (e, ctx) -> writeError(ctx, pages, 400, describe(e)));
        // malformed request bodies are the client's fault, not a 500
        app.exception(JsonProcessingException.class, (e, ctx) -> writeError(ctx, pages, 400,
                "request body is not valid JSON for this endpoint: " + e.getOriginalMessage()));
        app.exception(HttpResponseException.class, (e, ctx) -> writeError(ctx, pages, e.getStatus(), e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("unhandled failure in {} {}", ctx.method(), ctx.path(), e);
            writeError(ctx, pages, 500, "internal error; the server log has the details");
        });
        // Responses that reach 404 without an exception (e.g. a handler that only set the status).
        app.error(404, ctx -> {
            if (ctx.attribute(ERROR_WRITTEN) == null) {
                writeError(ctx, pages, 404, "nothing at " + ctx.path());
            }
        });
    }

    private static String describe(ValidationException e) {
        return e.getErrors().entrySet().stream()
                .map(en -> en.getKey() + ": " + en.getValue().stream()
                        .map(err -> err.getMessage()).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }

    static void writeError(Context ctx, Pages pages, int status, String detail) {
        ctx.attribute(ERROR_WRITTEN, Boolean.TRUE);
        ctx.status(status);
        if (isApi(ctx.path())) {
            Problem problem = Problem.of(status, detail, ctx.path());
            try {
                ctx.contentType(Problem.CONTENT_TYPE).result(PROBLEM_JSON.writeValueAsString(problem));
            } catch (JsonProcessingException e) {
                ctx.contentType(Problem.CONTENT_TYPE).result("{\"title\":\"Internal Server Error\",\"status\":500}");
            }
            return;
        }
        try {
            Map<String, Object> params = new HashMap<>();
            params.put("status", status);
            params.put("reason", Problem.reason(status));
            params.put("detail", detail);
            pages.render(ctx, "error.jte", Problem.reason(status), params);
        } catch (RuntimeException e) {
            LOG.error("error page failed to render", e);
            ctx.contentType("text/plain; charset=utf-8").result(status + " " + Problem.reason(status));
        }
    }

}
