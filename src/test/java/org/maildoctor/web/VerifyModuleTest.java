package org.maildoctor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.maildoctor.web.WebServerTest.assertProblem;
import static org.maildoctor.web.WebServerTest.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maildoctor.dns.FakeZone;
import org.maildoctor.store.Store;
import org.maildoctor.store.StoreConfig;
import org.maildoctor.verify.ScriptedTransport;
import org.maildoctor.verify.Verifier;
import org.maildoctor.verify.VerifyOptions;
import org.maildoctor.verify.jdbc.JdbcVerificationJobs;

/** The Verify page, POST /api/v1/verifications and the jobs API over a fake zone, a scripted SMTP server and H2. */
class VerifyModuleTest {
    @TempDir
    Path dir;

    private WebServer server(Store store) {
        FakeZone zone = FakeZone.builder().mx("example.org", 10, "mx.example.org").a("mx.example.org", "8.8.8.8")
                .nxdomain("gone.example").build();
        ScriptedTransport smtp = ScriptedTransport.of(Map.of("nobody@example.org", "550 5.1.1 User unknown"),
                "250 2.1.5 Ok");
        Verifier verifier = Verifier.create(zone, smtp, VerifyOptions.defaults().withCatchAllProbe(false));
        VerifyModule module = new VerifyModule(verifier, new JdbcVerificationJobs(store.dataSource(), store.clock()),
                dir.resolve("uploads"));
        return WebServer.builder(WebConfig.loopback(0, "test"))
                .modules(WebModules.with(Map.of(Capability.VERIFY, module))).build();
    }

    @Test
    void singleAddressApiAndPage() throws Exception {
        try (Store store = Store.open(StoreConfig.of(dir.resolve("db"), null))) {
            JavalinTest.test(server(store).app(), (s, client) -> {
                JsonNode ok = json(client.post("/api/v1/verifications", Map.of("address", "jane@example.org")));
                assertThat(ok.get("verdict").asText()).isEqualTo("deliverable");
                assertThat(ok.get("smtp").get("replyCode").asInt()).isEqualTo(250);
                JsonNode many = json(client.post("/api/v1/verifications",
                        Map.of("addresses", java.util.List.of("nobody@example.org", "x@gone.example", "bad"))));
                assertThat(many.get("results").findValuesAsText("reason"))
                        .containsExactly("userunknown", "hostunknown", "syntaxerror");
                assertProblem(client.post("/api/v1/verifications", Map.of("nothing", 1)), 400, "/api/v1/verifications");
                String page = client.get("/verify?address=nobody@example.org").body().string();
                assertThat(page).contains("undeliverable", "userunknown", "550 5.1.1");
            });
        }
    }

    @Test
    void jobsApiCreatesRunsAndReturnsResults() throws Exception {
        try (Store store = Store.open(StoreConfig.of(dir.resolve("db"), null))) {
            JavalinTest.test(server(store).app(), (s, client) -> {
                String csv = "email\r\njane@example.org\r\nnobody@example.org\r\nnot an address\r\n";
                var created = client.request("/api/v1/verification-jobs", b -> b.post(
                        RequestBody.create(csv, MediaType.get("text/csv"))));
                assertThat(created.code()).isEqualTo(202);
                long id = json(created).get("id").asLong();
                JsonNode state = null;
                for (int i = 0; i < 100; i++) {
                    state = json(client.get("/api/v1/verification-jobs/" + id));
                    if (state.get("status").asText().equals("succeeded")) {
                        break;
                    }
                    Thread.sleep(50);
                }
                assertThat(state.get("status").asText()).isEqualTo("succeeded");
                assertThat(state.get("done").asLong()).isEqualTo(3);
                String results = client.get("/api/v1/verification-jobs/" + id + "/results").body().string();
                assertThat(results.split("\r\n")).hasSize(4);
                assertThat(results).contains("jane@example.org,deliverable,accepted",
                        "nobody@example.org,undeliverable,userunknown", "not an address,undeliverable,syntaxerror");
                assertThat(client.get("/verify/jobs/" + id).body().string()).contains("3 of 3 addresses verified");
                var missing = client.request("/api/v1/verification-jobs?column=mail", b -> b.post(
                        RequestBody.create(csv, MediaType.get("text/csv"))));
                assertThat(missing.code()).isEqualTo(400);
                assertThat(missing.body().string()).contains("columns found: email");
                assertProblem(client.get("/api/v1/verification-jobs/999"), 404, "/api/v1/verification-jobs/999");
            });
        }
    }
}
