package org.maildoctor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.maildoctor.web.WebServerTest.assertProblem;
import static org.maildoctor.web.WebServerTest.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

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

    /** An in-memory port: what the API may show is decided by the module, not by the storage. */
    static final class MemoryAccounts implements org.maildoctor.warmup.account.AccountRepository {
        final Map<String, org.maildoctor.warmup.account.WarmupAccount> rows = new java.util.TreeMap<>();
        final Map<String, String> sealed = new java.util.HashMap<>();

        @Override
        public org.maildoctor.warmup.account.WarmupAccount add(NewAccount a, String sealedSecret) {
            var acc = new org.maildoctor.warmup.account.WarmupAccount(rows.size() + 1, a.address(), a.provider(),
                    a.smtp(), a.imap(), a.username(), a.auth(), Instant.parse("2026-03-02T08:00:00Z"));
            rows.put(a.address(), acc);
            sealed.put(a.address(), sealedSecret);
            return acc;
        }

        @Override
        public java.util.List<org.maildoctor.warmup.account.WarmupAccount> list() {
            return java.util.List.copyOf(rows.values());
        }

        @Override
        public java.util.Optional<org.maildoctor.warmup.account.WarmupAccount> find(String address) {
            return java.util.Optional.ofNullable(rows.get(address));
        }

        @Override
        public java.util.Optional<String> sealedSecret(String address) {
            return java.util.Optional.ofNullable(sealed.get(address));
        }

        @Override
        public boolean remove(String address) {
            sealed.remove(address);
            return rows.remove(address) != null;
        }
    }

    @Test
    void accountsApiNeverReturnsCredentials() {
        MemoryAccounts repo = new MemoryAccounts();
        var cipher = new org.maildoctor.warmup.account.CredentialCipher(new byte[32], new java.security.SecureRandom());
        String sealed = cipher.seal(new org.maildoctor.warmup.account.Secret("pa55-word-xyz".toCharArray()), "a@x.test");
        var preset = org.maildoctor.warmup.account.ServerPresets.of(org.maildoctor.warmup.MailboxProvider.FASTMAIL)
                .orElseThrow();
        repo.add(new org.maildoctor.warmup.account.AccountRepository.NewAccount("a@x.test",
                org.maildoctor.warmup.MailboxProvider.FASTMAIL, preset.smtp(), preset.imap(), "a@x.test",
                org.maildoctor.warmup.account.AuthKind.PASSWORD), sealed);
        WarmupModule module = new WarmupModule(Clock.systemUTC(), java.util.Optional.of(repo));
        WebServer server = WebServer.builder(WebConfig.loopback(0, "test"))
                .modules(WebModules.with(Map.of(Capability.WARMUP, module))).build();
        JavalinTest.test(server.app(), (s, client) -> {
            var r = client.get("/api/v1/warmup/accounts");
            assertThat(r.code()).isEqualTo(200);
            String body = r.body().string();
            assertThat(body).contains("\"address\":\"a@x.test\"").contains("smtp.fastmail.com")
                    .doesNotContain("pa55-word-xyz").doesNotContain(sealed).doesNotContain("v1:")
                    .doesNotContainIgnoringCase("secret").doesNotContainIgnoringCase("password\":");
        });
        JavalinTest.test(server().app(), (s, client) ->
                assertProblem(client.get("/api/v1/warmup/accounts"), 503, "/api/v1/warmup/accounts"));
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
