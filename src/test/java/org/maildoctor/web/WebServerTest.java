package org.maildoctor.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.util.Map;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** In-process tests of the shell's routes on loopback (no authentication). */
class WebServerTest {
    static final ObjectMapper JSON = new ObjectMapper();

    /** A module like a capability would write, to check the extension point and error mapping. */
    static final WebModule PROBE = r -> {
        r.nav("/probe", "Probe", "A test capability.");
        r.page("/probe", ctx -> r.render(ctx, "placeholder.jte", "Probe",
                Map.of("summary", "probe summary", "coming", java.util.List.of("first thing"))));
        r.apiGet("/probe/square", ctx -> {
            int n = ctx.queryParamAsClass("n", Integer.class).check(v -> v >= 0, "must not be negative").get();
            ctx.json(Map.of("square", n * n));
        });
        r.apiPost("/probe/echo", ctx -> ctx.json(ctx.bodyAsClass(Echo.class)));
        r.apiGet("/probe/missing", ctx -> {
            throw ProblemException.notFound("no probe with that id");
        });
        r.apiGet("/probe/boom", ctx -> {
            throw new IllegalStateException("secret-internal-detail");
        });
        r.page("/probe/boom", ctx -> {
            throw new IllegalStateException("secret-internal-detail");
        });
    };

    record Echo(String text) {
    }

    static WebServer loopback() {
        return WebServer.builder(WebConfig.loopback(0, "1.2.3")).modules(WebModules.defaults()).module(PROBE).build();
    }

    static JsonNode json(Response r) throws Exception {
        return JSON.readTree(r.body().string());
    }

    static void assertProblem(Response r, int status, String instance) throws Exception {
        assertThat(r.code()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        JsonNode p = json(r);
        assertThat(p.get("type").asText()).isEqualTo("about:blank");
        assertThat(p.get("title").asText()).isNotBlank();
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("detail").asText()).isNotBlank();
        assertThat(p.get("instance").asText()).isEqualTo(instance);
    }

    @Test
    void healthzIsOkWithVersionAndChecks() {
        WebServer s = WebServer.builder(WebConfig.loopback(0, "1.2.3"))
                .healthCheck("store", () -> HealthStatus.ok("2 connections")).build();
        JavalinTest.test(s.app(), (server, client) -> {
            Response r = client.get("/healthz");
            assertThat(r.code()).isEqualTo(200);
            JsonNode body = json(r);
            assertThat(body.get("status").asText()).isEqualTo("ok");
            assertThat(body.get("version").asText()).isEqualTo("1.2.3");
            assertThat(body.at("/checks/store/status").asText()).isEqualTo("ok");
            assertThat(body.at("/checks/store/detail").asText()).isEqualTo("2 connections");
        });
    }

    @Test
    void healthzIs503WhenAnyCheckIsDownOrThrows() {
        WebServer s = WebServer.builder(WebConfig.loopback(0, "1.2.3"))
                .healthCheck("store", HealthStatus::ok)
                .healthCheck("scheduler", () -> HealthStatus.down("not running"))
                .healthCheck("dns", () -> {
                    throw new IllegalStateException("jdbc:postgresql://user:pw@host");
                })
                .build();
        JavalinTest.test(s.app(), (server, client) -> {
            Response r = client.get("/healthz");
            assertThat(r.code()).isEqualTo(503);
            String text = r.body().string();
            JsonNode body = JSON.readTree(text);
            assertThat(body.get("status").asText()).isEqualTo("down");
            assertThat(body.at("/checks/store/status").asText()).isEqualTo("ok");
            assertThat(body.at("/checks/scheduler/detail").asText()).isEqualTo("not running");
            assertThat(body.at("/checks/dns/status").asText()).isEqualTo("down");
            assertThat(text).doesNotContain("pw@host");
        });
    }

    @Test
    void unknownApiPathIsProblemJson404() {
        JavalinTest.test(loopback().app(), (server, client) ->
                assertProblem(client.get("/api/v1/no-such-thing"), 404, "/api/v1/no-such-thing"));
    }

    @Test
    void problemExceptionKeepsItsStatusAndDetail() {
        JavalinTest.test(loopback().app(), (server, client) -> {
            Response r = client.get("/api/v1/probe/missing");
            assertProblem(r, 404, "/api/v1/probe/missing");
        });
        JavalinTest.test(loopback().app(), (server, client) ->
                assertThat(json(client.get("/api/v1/probe/missing")).get("detail").asText())
                        .isEqualTo("no probe with that id"));
    }

    @Test
    void badInputIsProblemJson400() {
        JavalinTest.test(loopback().app(), (server, client) -> {
            assertThat(json(client.get("/api/v1/probe/square?n=7")).get("square").asInt()).isEqualTo(49);
            Response r = client.get("/api/v1/probe/square?n=seven");
            assertProblem(r, 400, "/api/v1/probe/square");
            Response negative = client.get("/api/v1/probe/square?n=-1");
            assertThat(negative.code()).isEqualTo(400);
            assertThat(json(negative).get("detail").asText()).contains("n").contains("must not be negative");
        });
    }

    @Test
    void malformedJsonBodyIsProblemJson400() {
        JavalinTest.test(loopback().app(), (server, client) -> {
            assertThat(json(client.post("/api/v1/probe/echo", "{\"text\":\"hi\"}")).get("text").asText()).isEqualTo("hi");
            assertProblem(client.post("/api/v1/probe/echo", "{\"text\": "), 400, "/api/v1/probe/echo");
            assertThat(client.post("/api/v1/probe/echo", "[1,2]").code()).isEqualTo(400);
        });
    }

    @Test
    void securityHeadersOnPagesAndApi() {
        JavalinTest.test(loopback().app(), (server, client) -> {
            for (String path : new String[] {"/", "/api/v1/version", "/api/v1/nope"}) {
                Response r = client.get(path);
                assertThat(r.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
                assertThat(r.header("X-Frame-Options")).as(path).isEqualTo("DENY");
                assertThat(r.header("Content-Security-Policy")).as(path).contains("default-src 'self'");
            }
        });
    }

    @Test
    void unexpectedFailureIsProblemJson500WithoutInternals() {
        JavalinTest.test(loopback().app(), (server, client) -> {
            Response r = client.get("/api/v1/probe/boom");
            assertThat(r.code()).isEqualTo(500);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.body().string()).doesNotContain("secret-internal-detail");
            Response page = client.get("/probe/boom");
            assertThat(page.code()).isEqualTo(500);
            assertThat(page.header("Content-Type")).startsWith("text/html");
            assertThat(page.body().string()).contains("500 Internal Server Error").doesNotContain("secret-internal-detail");
        });
    }

    @Test
    void unknownPageIsHtml404InTheLayout() {
        JavalinTest.test(loopback().app(), (server, client) -> {
            Response r = client.get("/nowhere");
            assertThat(r.code()).isEqualTo(404);
            assertThat(r.header("Content-Type")).startsWith("text/html");
            assertThat(r.body().string()).contains("<h1>404 Not Found</h1>").contains("<nav aria-label=\"Main\">");
        });
    }

    @Test
    void homePageHasLayoutNavAndACardPerCapability() {
        JavalinTest.test(loopback().app(), (server, client) -> {
            Response r = client.get("/");
            assertThat(r.code()).isEqualTo(200);
            String html = r.body().string();
            assertThat(html).contains("<html lang=\"en\">").contains("<title>Home · maildoctor</title>")
                    .contains("<main id=\"main\">").contains("href=\"/static/maildoctor.css\"");
            for (Capability c : Capability.values()) {
                assertThat(html).contains("<li><a href=\"" + c.path() + "\">" + c.label() + "</a></li>");
                assertThat(html).contains(c.summary());
            }
            // module-registered entries appear after the defaults, in registration order
            assertThat(html.indexOf("href=\"/probe\"")).isGreaterThan(html.indexOf("href=\"/warmup\""));
        });
    }

    @Test
    void placeholderPageListsWhatIsComingAndMarksCurrentNav() {
        JavalinTest.test(loopback().app(), (server, client) -> {
            String html = client.get("/audit").body().string();
            assertThat(html).contains("<h1>Domain audit</h1>")
                    .contains("<a href=\"/audit\" aria-current=\"page\">Domain audit</a>")
                    .contains("MTA-STS").contains("BIMI").contains("blocklist");
            assertThat(html).doesNotContain("<a href=\"/bounces\" aria-current");
        });
    }

    @Test
    void templatesEscapeModuleData() {
        WebModule evil = r -> {
            r.nav("/x", "<script>alert(1)</script>", "s");
            r.page("/x", ctx -> r.render(ctx, "placeholder.jte", "X", Map.of("summary", "<b>bold</b>", "coming", java.util.List.of())));
        };
        JavalinTest.test(WebServer.builder(WebConfig.loopback(0, "t")).module(evil).build().app(), (server, client) -> {
            String html = client.get("/x").body().string();
            assertThat(html).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;")
                    .doesNotContain("<b>bold</b>");
        });
    }

    @Test
    void stylesheetIsServedFromTheClasspath() {
        JavalinTest.test(loopback().app(), (server, client) -> {
            Response r = client.get("/static/maildoctor.css");
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.header("Content-Type")).startsWith("text/css");
            assertThat(r.body().string()).contains(".site-header");
        });
    }

    @Test
    void versionAndCapabilitiesEndpoints() {
        JavalinTest.test(loopback().app(), (server, client) -> {
            JsonNode v = json(client.get("/api/v1/version"));
            assertThat(v.get("name").asText()).isEqualTo("maildoctor");
            assertThat(v.get("version").asText()).isEqualTo("1.2.3");
            JsonNode caps = json(client.get("/api/v1/capabilities"));
            assertThat(caps.size()).isEqualTo(Capability.values().length + 1);
            assertThat(caps.get(0).get("path").asText()).isEqualTo("/bounces");
        });
    }

    @Test
    void routesRejectPagesUnderApi() {
        WebModule bad = r -> r.page("/api/v1/page", ctx -> { });
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> WebServer.builder(WebConfig.loopback(0, "t")).module(bad).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
