package org.maildoctor.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.maildoctor.report.WarmupJson;
import org.maildoctor.warmup.MailboxProvider;
import org.maildoctor.warmup.account.AccountParameters;
import org.maildoctor.warmup.account.AccountRepository;
import org.maildoctor.warmup.account.AccountService;
import org.maildoctor.warmup.account.ConnectionReport;
import org.maildoctor.warmup.account.CredentialException;
import org.maildoctor.warmup.account.Secret;
import org.maildoctor.warmup.account.ServerPresets;

/**
 * The warm-up accounts page (list, add form with provider presets, connection test, remove) and
 * {@code /api/v1/warmup/accounts}. The password travels in once, in the POST body; it is handed to
 * the {@link AccountService} as a {@link Secret} and never rendered, echoed in an error or logged.
 */
final class WarmupAccountsPages {
    static final String PATH = "/warmup/accounts";
    /** The form fields (and JSON members) other than the secret, as {@link AccountParameters} names them. */
    private static final List<String> FIELDS = List.of("address", "provider", "smtp", "smtpTls", "imap", "imapTls",
            "username", "auth");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<WarmupModule.Backend> backend;

    WarmupAccountsPages(Supplier<WarmupModule.Backend> backend) {
        this.backend = backend;
    }

    void register(Routes r) {
        r.page(PATH, ctx -> page(r, ctx, Map.of(), null, null, null));
        r.form(PATH, ctx -> addForm(r, ctx));
        r.form(PATH + "/test", ctx -> testForm(r, ctx));
        r.form(PATH + "/remove", this::removeForm);
        r.apiGet("/warmup/accounts", this::listApi);
        r.apiPost("/warmup/accounts", this::addApi);
        r.api(HandlerType.DELETE, "/warmup/accounts/{address}", this::removeApi);
        r.apiPost("/warmup/accounts/{address}/test", this::testApi);
    }

    private AccountService accounts() {
        return backend.get().accounts();
    }

    // ---- pages

    private void page(Routes r, Context ctx, Map<String, String> form, String message, String error,
                      ConnectionReport report) {
        Map<String, Object> params = new HashMap<>();
        params.put("accounts", accounts().list());
        params.put("providers", MailboxProvider.values());
        params.put("presets", presets());
        Map<String, String> values = new HashMap<>(form);
        values.putIfAbsent("provider", MailboxProvider.GMAIL.key());
        params.put("form", values);
        String removed = ctx.queryParam("removed");
        params.put("message", message != null ? message : removed != null ? "removed " + removed : null);
        params.put("error", error);
        params.put("report", report);
        params.put("checks", report == null ? List.of() : ConnectionCheckRow.of(report));
        r.render(ctx, "warmup-accounts.jte", "Warm-up accounts", params);
    }

    private void addForm(Routes r, Context ctx) {
        Map<String, String> form = new HashMap<>();
        FIELDS.forEach(f -> form.put(f, ctx.formParam(f)));
        String password = ctx.formParam("password");
        boolean test = !"true".equals(ctx.formParam("noTest"));
        try {
            AccountService.Added added = add(form::get, password, test);
            if (added.account() == null) {
                ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
                page(r, ctx, form, null, "connection test failed: not added", added.report());
                return;
            }
            page(r, ctx, Map.of(), "added " + added.account().address()
                    + (added.report() == null ? " (connection not tested)" : " (connection test passed)"), null,
                    added.report());
        } catch (IllegalArgumentException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            page(r, ctx, form, null, e.getMessage(), null);
        }
    }

    private void testForm(Routes r, Context ctx) {
        String address = ctx.formParam("address");
        ConnectionReport report = test(address == null ? "" : address);
        page(r, ctx, Map.of(), null, null, report);
    }

    private void removeForm(Context ctx) {
        String address = ctx.formParam("address");
        if (address == null || !accounts().remove(address)) {
            throw ProblemException.notFound("no warm-up account " + address);
        }
        ctx.redirect(PATH + "?removed=" + URLEncoder.encode(address, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
    }

    /** Provider key → "SMTP host:port (tls), IMAP host:port (tls)", shown beside the form. */
    private static Map<String, String> presets() {
        Map<String, String> out = new LinkedHashMap<>();
        for (MailboxProvider p : MailboxProvider.values()) {
            out.put(p.key(), ServerPresets.of(p).map(s -> "SMTP " + s.smtp() + ", IMAP " + s.imap())
                    .orElse("enter the SMTP and IMAP servers"));
        }
        return out;
    }

    // ---- shared by form and API

    private AccountService.Added add(Function<String, String> get, String password, boolean test) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("the password (or app password, or OAuth2 token) is required");
        }
        AccountRepository.NewAccount account = AccountParameters.parse(get);
        return accounts().add(account, new Secret(password.toCharArray()), test);
    }

    private ConnectionReport test(String address) {
        try {
            return accounts().test(address)
                    .orElseThrow(() -> ProblemException.notFound("no warm-up account " + address));
        } catch (CredentialException e) {
            // names the account, never the secret
            throw new ProblemException(500, e.getMessage());
        }
    }

    // ---- API

    @OpenApi(
            path = "/api/v1/warmup/accounts",
            methods = HttpMethod.GET,
            operationId = "listWarmupAccounts",
            summary = "The warm-up mailboxes and their servers; credentials are never returned",
            tags = {"warmup"},
            security = {@OpenApiSecurity(name = "bearerAuth")},
            responses = {
                @OpenApiResponse(status = "200", description = "{accounts[{address, provider, smtp{host, port, tls}, "
                        + "imap{host, port, tls}, username, auth, createdAt}]}",
                        content = @OpenApiContent(type = "application/json")),
                @OpenApiResponse(status = "503", description = "Started without a store",
                        content = @OpenApiContent(from = Problem.class, mimeType = Problem.CONTENT_TYPE))
            })
    void listApi(Context ctx) {
        ctx.json(Map.of("accounts", accounts().list().stream().map(WarmupJson::account).toList()));
    }

    @OpenApi(
            path = "/api/v1/warmup/accounts",
            methods = HttpMethod.POST,
            operationId = "addWarmupAccount",
            summary = "Add a warm-up mailbox; its connection is tested first unless test is false",
            tags = {"warmup"},
            security = {@OpenApiSecurity(name = "bearerAuth")},
            requestBody = @OpenApiRequestBody(description = "{address, provider?, smtp?, smtpTls?, imap?, imapTls?, "
                    + "username?, auth? (password|xoauth2), password, test? (default true)}",
                    content = @OpenApiContent(type = "application/json")),
            responses = {
                @OpenApiResponse(status = "201", description = "{account{…}, connection{…}|null}",
                        content = @OpenApiContent(type = "application/json")),
                @OpenApiResponse(status = "400", description = "Bad input or an address already added",
                        content = @OpenApiContent(from = Problem.class, mimeType = Problem.CONTENT_TYPE)),
                @OpenApiResponse(status = "422", description = "{account: null, connection{…}}: the test failed, "
                        + "nothing stored", content = @OpenApiContent(type = "application/json"))
            })
    void addApi(Context ctx) {
        JsonNode body;
        try {
            body = JSON.readTree(ctx.body());
        } catch (IOException e) {
            // deliberately without the parser's message: it may quote part of the body, the password included
            throw ProblemException.badRequest("the request body must be a JSON object");
        }
        if (body == null || !body.isObject()) {
            throw ProblemException.badRequest("the request body must be a JSON object");
        }
        JsonNode pw = body.get("password");
        JsonNode test = body.get("test");
        AccountService.Added added;
        try {
            added = add(f -> body.hasNonNull(f) ? body.get(f).asText() : null, pw == null ? null : pw.asText(),
                    test == null || test.asBoolean(true));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("account", added.account() == null ? null : WarmupJson.account(added.account()));
        out.put("connection", added.report() == null ? null : WarmupJson.connection(added.report()));
        ctx.status(added.account() == null ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.CREATED).json(out);
    }

    @OpenApi(
            path = "/api/v1/warmup/accounts/{address}",
            methods = HttpMethod.DELETE,
            operationId = "removeWarmupAccount",
            summary = "Remove a warm-up mailbox and its stored credentials",
            tags = {"warmup"},
            security = {@OpenApiSecurity(name = "bearerAuth")},
            pathParams = @OpenApiParam(name = "address", required = true),
            responses = {
                @OpenApiResponse(status = "204", description = "Removed"),
                @OpenApiResponse(status = "404", description = "No such account",
                        content = @OpenApiContent(from = Problem.class, mimeType = Problem.CONTENT_TYPE))
            })
    void removeApi(Context ctx) {
        String address = ctx.pathParam("address");
        if (!accounts().remove(address)) {
            throw ProblemException.notFound("no warm-up account " + address);
        }
        ctx.status(HttpStatus.NO_CONTENT);
    }

    @OpenApi(
            path = "/api/v1/warmup/accounts/{address}/test",
            methods = HttpMethod.POST,
            operationId = "testWarmupAccount",
            summary = "Test a mailbox's SMTP and IMAP servers step by step (DNS, TCP, TLS, auth, IMAP folders)",
            tags = {"warmup"},
            security = {@OpenApiSecurity(name = "bearerAuth")},
            pathParams = @OpenApiParam(name = "address", required = true),
            responses = {
                @OpenApiResponse(status = "200", description = "{address, ok, smtp{server, tls, passed[], failedStep, "
                        + "reason}, imap{…, folders[]}}", content = @OpenApiContent(type = "application/json")),
                @OpenApiResponse(status = "404", description = "No such account",
                        content = @OpenApiContent(from = Problem.class, mimeType = Problem.CONTENT_TYPE))
            })
    void testApi(Context ctx) {
        ctx.json(WarmupJson.connection(test(ctx.pathParam("address"))));
    }
}
