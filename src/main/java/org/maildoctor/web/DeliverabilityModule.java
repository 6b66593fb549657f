package org.maildoctor.web;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.maildoctor.content.ContentChecker;
import org.maildoctor.content.ContentReport;
import org.maildoctor.content.MessageContent;
import org.maildoctor.content.SecondOpinion;
import org.maildoctor.receiver.server.TestAddresses;
import org.maildoctor.report.ScoreCardJson;
import org.maildoctor.report.SecondOpinionJson;
import org.maildoctor.store.IssuedToken;
import org.maildoctor.store.ReceivedMessage;
import org.maildoctor.store.Store;

/**
 * The Deliverability test page (a test address whose page updates when the message arrives, by
 * polling the REST resource) and the template checker's paste box; REST: {@code POST /api/v1/tests},
 * {@code GET /api/v1/tests/{token}}, {@code POST /api/v1/content/check}.
 */
public final class DeliverabilityModule implements WebModule {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Pasted templates larger than this are not templates. */
    static final int MAX_PASTE = 5 * 1024 * 1024;

    private final Store store;
    private final String testDomain;
    private final ContentChecker checker = ContentChecker.standard();
    private final List<SecondOpinion.Engine> engines;

    public DeliverabilityModule(Store store, String testDomain) {
        this(store, testDomain, List.of());
    }

    /** @param engines second-opinion engines (spamd, rspamd) the template checker also asks; may be empty */
    public DeliverabilityModule(Store store, String testDomain, List<SecondOpinion.Engine> engines) {
        this.store = store;
        this.testDomain = testDomain;
        this.engines = List.copyOf(engines);
    }

    @Override
    public void register(Routes r) {
        Capability c = Capability.DELIVERABILITY;
        r.nav(c.path(), c.label(), c.summary());
        r.page(c.path(), ctx -> page(r, ctx, null, ""));
        r.form(c.path() + "/new", ctx -> ctx.redirect(c.path() + "/" + issue().token(), io.javalin.http.HttpStatus.SEE_OTHER));
        r.form(c.path() + "/content", ctx -> {
            String pasted = ctx.formParam("content");
            pasted = pasted == null ? "" : pasted;
            page(r, ctx, pasted.isBlank() ? null : check(pasted), pasted);
        });
        r.page(c.path() + "/{token}", ctx -> testPage(r, ctx));
        r.apiPost("/tests", this::newTestApi);
        r.apiGet("/tests/{token}", this::testApi);
        r.apiPost("/content/check", this::contentApi);
    }

    private TestAddresses.TestAddress issue() {
        return TestAddresses.issue(store.tokens(), testDomain, TestAddresses.DEFAULT_TTL);
    }

    private ContentReport check(String pasted) {
        String s = pasted.stripLeading();
        boolean looksHtml = s.startsWith("<");
        MessageContent m = looksHtml ? MessageContent.ofHtml(pasted)
                : MessageContent.parse(pasted.getBytes(StandardCharsets.UTF_8));
        return checker.check(m, Set.of());
    }

    private List<SecondOpinion> opinions(String pasted) {
        String s = pasted.stripLeading();
        byte[] bytes = pasted.getBytes(StandardCharsets.UTF_8);
        return opinions(s.startsWith("<") ? SecondOpinion.templateMessage(bytes) : bytes);
    }

    private List<SecondOpinion> opinions(byte[] message) {
        return engines.stream().map(e -> e.check(message)).toList();
    }

    private void page(Routes r, Context ctx, ContentReport report, String pasted) {
        Map<String, Object> params = new HashMap<>();
        params.put("opinions", report == null ? List.of() : opinions(pasted));
        params.put("report", report);
        params.put("pasted", pasted);
        params.put("testDomain", testDomain);
        r.render(ctx, "deliverability.jte", Capability.DELIVERABILITY.label(), params);
    }

    private void testPage(Routes r, Context ctx) {
        IssuedToken t = token(ctx.pathParam("token"));
        Map<String, Object> params = new HashMap<>();
        params.put("address", TestAddresses.address(t));
        params.put("token", t.token());
        params.put("expires", t.expiresAt().toString());
        r.render(ctx, "deliverability-test.jte", Capability.DELIVERABILITY.label(), params);
    }

    private IssuedToken token(String raw) {
        String t = raw.strip().toLowerCase(Locale.ROOT);
        return store.tokens().find(t).filter(x -> x.purpose().equals(TestAddresses.PURPOSE))
                .orElseThrow(() -> ProblemException.notFound("no test address with token '" + raw + "'"));
    }

    @OpenApi(path = "/api/v1/tests", methods = HttpMethod.POST, operationId = "newDeliverabilityTest",
            summary = "Issue a deliverability-test address", tags = {"deliverability"},
            security = {@OpenApiSecurity(name = "bearerAuth")},
            responses = @OpenApiResponse(status = "201", description = "{address, token, expires}",
                    content = @OpenApiContent(type = "application/json")))
    void newTestApi(Context ctx) {
        TestAddresses.TestAddress a = issue();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("address", a.address());
        doc.put("token", a.token());
        doc.put("expires", a.expires().toString());
        ctx.status(201).json(doc);
    }

    @OpenApi(path = "/api/v1/tests/{token}", methods = HttpMethod.GET, operationId = "deliverabilityTest",
            summary = "A test address and the score cards of the messages it received", tags = {"deliverability"},
            security = {@OpenApiSecurity(name = "bearerAuth")},
            pathParams = @OpenApiParam(name = "token", required = true, description = "The token of the test address"),
            responses = {
                @OpenApiResponse(status = "200", description = "{token, address, expires, status: waiting|analysing|"
                        + "analysed, messages[{id, receivedAt, clientIp, helo, mailFrom, tls, score, report}]}",
                        content = @OpenApiContent(type = "application/json")),
                @OpenApiResponse(status = "404", description = "No such test address",
                        content = @OpenApiContent(from = Problem.class, mimeType = Problem.CONTENT_TYPE))})
    void testApi(Context ctx) throws Exception {
        IssuedToken t = token(ctx.pathParam("token"));
        List<ReceivedMessage> messages = store.received().forToken(t.token());
        List<Map<String, Object>> list = new ArrayList<>();
        for (ReceivedMessage m : messages) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", m.id());
            e.put("receivedAt", m.receivedAt().toString());
            e.put("clientIp", m.clientIp());
            e.put("helo", m.helo());
            e.put("mailFrom", m.mailFrom());
            e.put("tls", m.tls());
            e.put("score", m.score().orElse(null));
            e.put("report", m.reportJson().isEmpty() ? null
                    : JSON.readValue(m.reportJson().get(), new TypeReference<LinkedHashMap<String, Object>>() { }));
            list.add(e);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("token", t.token());
        doc.put("address", TestAddresses.address(t));
        doc.put("expires", t.expiresAt().toString());
        doc.put("status", messages.isEmpty() ? "waiting"
                : messages.getLast().reportJson().isPresent() ? "analysed" : "analysing");
        doc.put("messages", list);
        ctx.json(doc);
    }

    @OpenApi(path = "/api/v1/content/check", methods = HttpMethod.POST, operationId = "checkContent",
            summary = "Template checker: a raw message (message/rfc822) or an HTML template (text/html) in the body",
            tags = {"deliverability"}, security = {@OpenApiSecurity(name = "bearerAuth")},
            responses = @OpenApiResponse(status = "200", description = "{score, spamScore, likelySpam, findings[{id, "
                    + "explanation, fix, points, spamWeight, evidence}], phrases, linkHosts, secondOpinions?[{engine, "
                    + "server, status, score, threshold, spam, action, rules, reason}]}",
                    content = @OpenApiContent(type = "application/json")))
    void contentApi(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw ProblemException.badRequest("send the message or HTML template as the request body");
        }
        if (body.length > MAX_PASTE) {
            throw ProblemException.badRequest("the body is larger than " + MAX_PASTE / (1024 * 1024) + " MiB");
        }
        String type = String.valueOf(ctx.contentType()).toLowerCase(Locale.ROOT);
        boolean html = type.startsWith("text/html");
        MessageContent m = html ? MessageContent.ofHtml(new String(body, StandardCharsets.UTF_8))
                : MessageContent.parse(body);
        Map<String, Object> doc = new LinkedHashMap<>(ScoreCardJson.content(checker.check(m, Set.of())));
        if (!engines.isEmpty()) {
            doc.put("secondOpinions", opinions(html ? SecondOpinion.templateMessage(body) : body).stream()
                    .map(SecondOpinionJson::toMap).toList());
        }
        ctx.json(doc);
    }

}
