package org.maildoctor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.maildoctor.web.WebServerTest.assertProblem;
import static org.maildoctor.web.WebServerTest.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** The Bounces page and POST /api/v1/bounces/explain, in-process. */
class BouncesModuleTest {
    private static final String USER_UNKNOWN =
            "554 5.1.1 <jane@example.org>: Recipient address rejected: User unknown in virtual mailbox table";

    private static WebServer server() {
        return WebServer.builder(WebConfig.loopback(0, "test")).modules(WebModules.defaults()).build();
    }

    @Test
    void apiExplainsA554UserUnknown() {
        JavalinTest.test(server().app(), (s, client) -> {
            Response r = client.post("/api/v1/bounces/explain", Map.of("reply", USER_UNKNOWN));
            assertThat(r.code()).isEqualTo(200);
            JsonNode x = json(r);
            assertThat(x.get("replyCode").asInt()).isEqualTo(554);
            assertThat(x.get("status").asText()).isEqualTo("5.1.1");
            assertThat(x.get("reason").asText()).isEqualTo("userunknown");
            assertThat(x.get("hard").asBoolean()).isTrue();
            assertThat(x.get("causes").size()).isPositive();
            assertThat(x.get("fixes").size()).isPositive();
        });
    }

    @Test
    void apiSoftBounceIsNotHard() {
        JavalinTest.test(server().app(), (s, client) -> {
            JsonNode x = json(client.post("/api/v1/bounces/explain",
                    Map.of("reply", "452 4.2.2 <bob@example.org>: Mailbox full")));
            assertThat(x.get("hard").asBoolean()).isFalse();
        });
    }

    @Test
    void apiRejectsMissingAndNonReplies() {
        JavalinTest.test(server().app(), (s, client) -> {
            assertProblem(client.post("/api/v1/bounces/explain", Map.of()), 400, "/api/v1/bounces/explain");
            Response notAReply = client.post("/api/v1/bounces/explain", Map.of("reply", "hello there"));
            assertProblem(notAReply, 400, "/api/v1/bounces/explain");
        });
    }

    @Test
    void apiIsInTheOpenApiDocument() {
        JavalinTest.test(server().app(), (s, client) -> {
            JsonNode doc = json(client.get("/api/openapi.json"));
            assertThat(doc.get("paths").has("/api/v1/bounces/explain")).isTrue();
        });
    }

    @Test
    void pageShowsTheFormAndTheExplanationOfAPastedReply() {
        JavalinTest.test(server().app(), (s, client) -> {
            String empty = client.get("/bounces").body().string();
            assertThat(empty).contains("<textarea", "name=\"reply\"").doesNotContain("Likely causes");

            Response r = client.request("/bounces", b -> b.post(new FormBody.Builder().add("reply", USER_UNKNOWN).build()));
            String html = r.body().string();
            assertThat(r.code()).isEqualTo(200);
            assertThat(html).contains("userunknown", "Likely causes", "hard: remove the address");
            // the pasted text is echoed back escaped
            assertThat(html).contains("&lt;jane@example.org&gt;").doesNotContain("<jane@example.org>");
        });
    }

    @Test
    void pageSaysWhenInputIsNotAReply() {
        JavalinTest.test(server().app(), (s, client) -> {
            Response r = client.request("/bounces",
                    b -> b.post(new FormBody.Builder().add("reply", "<script>alert(1)</script>").build()));
            String html = r.body().string();
            assertThat(r.code()).isEqualTo(400);
            assertThat(html).contains("Not an SMTP reply").doesNotContain("<script>alert(1)</script>");
        });
    }
}
