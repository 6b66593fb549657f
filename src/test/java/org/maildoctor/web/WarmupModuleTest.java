package org.maildoctor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.maildoctor.web.WebServerTest.assertProblem;
import static org.maildoctor.web.WebServerTest.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Warm-up page and GET /api/v1/warmup/plan, in-process with a fixed clock. */
class WarmupModuleTest {
    private static WebServer server() {
        WarmupModule module = new WarmupModule(Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC));
        return WebServer.builder(WebConfig.loopback(0, "test"))
                .modules(WebModules.with(Map.of(Capability.WARMUP, module))).build();
    }

    @Test
    void apiReturnsTheCurve() {
        JavalinTest.test(server().app(), (s, client) -> {
            JsonNode doc = json(client.get("/api/v1/warmup/plan?start=5&target=50&provider=gmail&weekdaysOnly=true"));
            JsonNode days = doc.get("days");
            assertThat(doc.get("startDate").asText()).isEqualTo("2026-03-02");
            assertThat(days.get(0).get("volume").asInt()).isEqualTo(5);
            assertThat(days.get(5).get("date").asText()).isEqualTo("2026-03-07");
            assertThat(days.get(5).get("volume").asInt()).isZero();
            assertThat(days.get(doc.get("promisedDay").asInt() - 1).get("volume").asInt()).isEqualTo(50);
            assertThat(days.get(0).has("sendTimes")).isFalse();

            JsonNode timed = json(client.get("/api/v1/warmup/plan?target=4&start=3&days=2&times=true&tz=Asia/Tokyo"));
            assertThat(timed.get("days").get(1).get("sendTimes")).hasSize(4);
            assertThat(timed.get("days").get(1).get("sendTimes").get(0).asText()).endsWith("+09:00");

            JsonNode api = json(client.get(WebServer.OPENAPI_PATH));
            assertThat(api.at("/paths/~1api~1v1~1warmup~1plan/get/operationId").asText()).isEqualTo("planWarmup");
        });
    }

    @Test
    void apiExplainsBadInputAsProblemJson() {
        JavalinTest.test(server().app(), (s, client) -> {
            var missing = client.get("/api/v1/warmup/plan?start=5");
            assertProblem(missing, 400, "/api/v1/warmup/plan");
            var bad = client.get("/api/v1/warmup/plan?target=50&provider=hotmale");
            assertThat(json(bad).get("detail").asText()).contains("unknown provider 'hotmale'");
            assertThat(client.get("/api/v1/warmup/plan?target=fifty").code()).isEqualTo(400);
        });
    }

    @Test
    void accountsApiAddsListsAndRemovesWithoutEverReturningTheSecret(@TempDir Path dir) {
        try (WarmupFixture f = new WarmupFixture(dir)) {
            JavalinTest.test(f.server().app(), (s, client) -> {
                var added = client.post("/api/v1/warmup/accounts", Map.of("address", "Ann@X.test", "provider", "fastmail",
                        "password", PASSWORD, "test", false));
                String body = added.body().string();
                assertThat(added.code()).as(body).isEqualTo(201);
                JsonNode doc = WebServerTest.JSON.readTree(body);
                assertThat(doc.at("/account/address").asText()).isEqualTo("ann@x.test");
                assertThat(doc.at("/account/smtp/host").asText()).isEqualTo("smtp.fastmail.com");
                assertThat(doc.get("connection").isNull()).isTrue();

                var list = client.get("/api/v1/warmup/accounts");
                String listed = list.body().string();
                assertThat(listed).contains("\"address\":\"ann@x.test\"");
                String sealed = f.accounts.sealedSecret("ann@x.test").orElseThrow();
                for (String text : List.of(body, listed)) {
                    assertThat(text).doesNotContain(PASSWORD).doesNotContain(sealed).doesNotContain("v1:")
                            .doesNotContainIgnoringCase("secret").doesNotContainIgnoringCase("password\":");
                }

                var again = client.post("/api/v1/warmup/accounts", Map.of("address", "ann@x.test", "provider", "gmail",
                        "password", PASSWORD, "test", false));
                assertThat(json(again).get("detail").asText()).contains("already a warm-up account");
                var noPassword = client.post("/api/v1/warmup/accounts", Map.of("address", "b@x.test", "provider", "gmail"));
                assertThat(noPassword.code()).isEqualTo(400);
                var custom = client.post("/api/v1/warmup/accounts", Map.of("address", "b@x.test", "password", "p"));
                assertThat(json(custom).get("detail").asText()).contains("SMTP server (--smtp) is required");
                // broken JSON must not be quoted back: the password may be in it
                var broken = client.post("/api/v1/warmup/accounts", "{\"address\": \"b@x.test\", \"password\": " + PASSWORD);
                assertThat(broken.code()).isEqualTo(400);
                assertThat(broken.body().string()).doesNotContain(PASSWORD).contains("must be a JSON object");

                assertThat(client.delete("/api/v1/warmup/accounts/ann@x.test").code()).isEqualTo(204);
                assertProblem(client.delete("/api/v1/warmup/accounts/ann@x.test"), 404,
                        "/api/v1/warmup/accounts/ann@x.test");
                assertThat(f.accounts.list()).isEmpty();
            });
        }
        JavalinTest.test(server().app(), (s, client) -> {
            assertProblem(client.get("/api/v1/warmup/accounts"), 503, "/api/v1/warmup/accounts");
            assertProblem(client.get("/api/v1/warmup/accounts/a@x.test/health"), 503,
                    "/api/v1/warmup/accounts/a@x.test/health");
        });
    }

    @Test
    void statsHealthAlertsAndPlanComeFromTheStore(@TempDir Path dir) {
        try (WarmupFixture f = new WarmupFixture(dir)) {
            addWithoutTest(f, "box@one.test");
            f.seed("box@one.test");
            JavalinTest.test(f.server().app(), (s, client) -> {
                JsonNode stats = json(client.get("/api/v1/warmup/accounts/box@one.test/stats?days=20"));
                assertThat(stats.get("days")).hasSize(20);
                assertThat(stats.get("to").asText()).isEqualTo(WarmupFixture.TODAY.toString());
                JsonNode first = stats.get("days").get(6); // 13 days ago: the first seeded day
                assertThat(first.get("sent").asInt()).isEqualTo(5);
                assertThat(first.get("spam").asInt()).isEqualTo(1);
                assertThat(first.get("placed").asInt()).isEqualTo(5);
                assertThat(stats.get("days").get(0).get("sent").asInt()).isZero();

                JsonNode health = json(client.get("/api/v1/warmup/accounts/box@one.test/health"));
                assertThat(health.get("components")).hasSize(5);
                assertThat(health.get("score").asInt()).isBetween(1, 99);
                int sum = 0;
                for (JsonNode c : health.get("components")) {
                    sum += c.get("points").asInt();
                    assertThat(c.get("explanation").asText()).isNotBlank();
                }
                assertThat(sum).isEqualTo(health.get("score").asInt());
                JsonNode alerts = json(client.get("/api/v1/warmup/accounts/box@one.test/alerts")).get("alerts");
                assertThat(alerts.findValuesAsText("kind")).containsExactly("bounce-rate", "auth-failure");
                assertThat(alerts.get(0).get("lastDay").asText()).isEqualTo(WarmupFixture.TODAY.minusDays(4).toString());
                assertThat(alerts.get(0).get("fix").asText()).isNotBlank();
                // a threshold low enough catches the remaining spam of the window's first days: none left
                JsonNode strict = json(client.get("/api/v1/warmup/accounts/box@one.test/alerts?spamThreshold=0%&window=14"));
                assertThat(strict.get("alerts").findValuesAsText("kind")).contains("spam-placement");
                assertProblem(client.get("/api/v1/warmup/accounts/box@one.test/health?spamThreshold=lots"), 400,
                        "/api/v1/warmup/accounts/box@one.test/health");
                assertProblem(client.get("/api/v1/warmup/accounts/box@one.test/stats?days=0"), 400,
                        "/api/v1/warmup/accounts/box@one.test/stats");
                assertProblem(client.get("/api/v1/warmup/accounts/nobody@one.test/stats"), 404,
                        "/api/v1/warmup/accounts/nobody@one.test/stats");

                // the bounce burst 4 days ago halves the next day's volume in the replayed plan
                JsonNode plan = json(client.get("/api/v1/warmup/accounts/box@one.test/plan?start=5&step=2&target=50"
                        + "&startDate=" + WarmupFixture.TODAY.minusDays(13)));
                JsonNode days = plan.get("days");
                assertThat(days.get(10).get("action").asText()).isEqualTo("cut");
                assertThat(days.get(10).get("volume").asInt()).isEqualTo(days.get(9).get("volume").asInt() / 2);
                assertThat(days.get(11).get("action").asText()).isEqualTo("grow");

                var page = client.get("/warmup/accounts/box@one.test");
                assertThat(page.code()).isEqualTo(200);
                String html = page.body().string();
                assertThat(html).contains("<svg id=\"volume-chart\"").contains("<svg id=\"placement-chart\"")
                        .contains("id=\"health-score\"").contains("data-kind=\"bounce-rate\"")
                        .contains("class=\"placed spam\"").doesNotContain("<script");
                assertThat(client.get("/warmup/accounts/nobody@one.test").code()).isEqualTo(404);
                assertThat(client.get("/warmup/accounts/box@one.test?days=-3").code()).isEqualTo(400);
                JsonNode api = json(client.get(WebServer.OPENAPI_PATH));
                assertThat(api.at("/paths/~1api~1v1~1warmup~1accounts~1{address}~1health/get/operationId").asText())
                        .isEqualTo("warmupHealth");
                assertThat(api.at("/paths/~1api~1v1~1warmup~1accounts/post/operationId").asText())
                        .isEqualTo("addWarmupAccount");
                assertThat(api.at("/paths/~1api~1v1~1warmup~1accounts~1{address}/delete/operationId").asText())
                        .isEqualTo("removeWarmupAccount");
            });
        }
    }

    static final String PASSWORD = "pa55-word-xyz-0815";

    static void addWithoutTest(WarmupFixture f, String address) {
        var preset = org.maildoctor.warmup.account.ServerPresets.of(org.maildoctor.warmup.MailboxProvider.FASTMAIL)
                .orElseThrow();
        f.accounts.add(new org.maildoctor.warmup.account.AccountRepository.NewAccount(address,
                org.maildoctor.warmup.MailboxProvider.FASTMAIL, preset.smtp(), preset.imap(), address,
                org.maildoctor.warmup.account.AuthKind.PASSWORD), "v1:not-a-real-seal");
    }

    @Test
    void pageDrawsTheCurveAsInlineSvg() {
        JavalinTest.test(server().app(), (s, client) -> {
            var r = client.get("/warmup?start=3&target=20&provider=yahoo&step=3");
            assertThat(r.code()).isEqualTo(200);
            String html = r.body().string();
            assertThat(html).contains("<svg id=\"warmup-chart\"").contains("data-day=\"1\" data-volume=\"3\"")
                    .contains("data-day=\"2\" data-volume=\"6\"").contains("class=\"curve\"")
                    .contains("<option value=\"yahoo\" selected>");
            assertThat(html).doesNotContain("<script");

            var bad = client.get("/warmup?start=30&target=20");
            assertThat(bad.code()).isEqualTo(400);
            assertThat(bad.body().string()).contains("must be at least --start");
        });
    }
}
