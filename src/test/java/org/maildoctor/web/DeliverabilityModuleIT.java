package org.maildoctor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.maildoctor.web.WebServerTest.assertProblem;
import static org.maildoctor.web.WebServerTest.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maildoctor.store.ReceivedMessage;
import org.maildoctor.store.Store;
import org.maildoctor.store.StoreConfig;

/** The Deliverability page and REST resources over an embedded store. */
class DeliverabilityModuleIT {
    @TempDir
    Path dir;

    @Test
    void aNewTestAddressShowsWaitingThenTheStoredReport() throws Exception {
        try (Store store = Store.open(StoreConfig.embedded(dir))) {
            WebServer server = WebServer.builder(WebConfig.loopback(0, "test")).modules(WebModules.with(Map.of(
                    Capability.DELIVERABILITY, new DeliverabilityModule(store, "deliverability.example")))).build();
            JavalinTest.test(server.app(), (s, client) -> {
                var created = client.post("/api/v1/tests", "");
                assertThat(created.code()).isEqualTo(201);
                JsonNode a = json(created);
                String token = a.get("token").asText();
                assertThat(a.get("address").asText()).isEqualTo(token + "@deliverability.example");

                JsonNode waiting = json(client.get("/api/v1/tests/" + token));
                assertThat(waiting.get("status").asText()).isEqualTo("waiting");
                assertThat(waiting.get("messages")).isEmpty();

                String page = client.get("/deliverability/" + token).body().string();
                assertThat(page).contains(token + "@deliverability.example").contains("/static/deliverability.js")
                        .contains("data-token=\"" + token + "\"");

                long id = store.received().save(ReceivedMessage.incoming(token, Instant.now(), "127.0.0.1",
                        "mx.good.test", "a@good.test", List.of(a.get("address").asText()), true, 10, "/x.eml"),
                        "x".getBytes());
                assertThat(json(client.get("/api/v1/tests/" + token)).get("status").asText()).isEqualTo("analysing");
                store.received().saveReport(id, 8.5, "{\"score\":8.5,\"checks\":[]}");
                JsonNode done = json(client.get("/api/v1/tests/" + token));
                assertThat(done.get("status").asText()).isEqualTo("analysed");
                assertThat(done.at("/messages/0/report/score").asDouble()).isEqualTo(8.5);

                assertProblem(client.get("/api/v1/tests/nosuchtoken"), 404, "/api/v1/tests/nosuchtoken");
            });
        }
    }

    @Test
    void theTemplateCheckerApiAndPasteBox() throws Exception {
        try (Store store = Store.open(StoreConfig.embedded(dir))) {
            WebServer server = WebServer.builder(WebConfig.loopback(0, "test")).modules(WebModules.with(Map.of(
                    Capability.DELIVERABILITY, new DeliverabilityModule(store, "deliverability.example")))).build();
            JavalinTest.test(server.app(), (s, client) -> {
                String html = "<html><body><p>Hello</p><a href=\"https://bit.ly/x\">offer</a></body></html>";
                var r = client.request("/api/v1/content/check", b -> b.post(RequestBody.create(html,
                        MediaType.get("text/html"))));
                assertThat(r.code()).isEqualTo(200);
                JsonNode doc = json(r);
                assertThat(doc.get("findings").findValuesAsText("id")).contains("links.shortener",
                        "mime.no-text-alternative");
                var empty = client.request("/api/v1/content/check", b -> b.post(RequestBody.create(new byte[0])));
                assertThat(empty.code()).isEqualTo(400);

                var form = client.request("/deliverability/content", b -> b.post(new okhttp3.FormBody.Builder()
                        .add("content", html).build()));
                assertThat(form.body().string()).contains("links.shortener").contains("id=\"content-score\"");
                assertThat(client.get("/deliverability").body().string()).contains("Get a test address");
            });
        }
    }


    @Test
    void theTemplateCheckerAsksTheHarnessSpamAssassinForASecondOpinion() throws Exception {
        try (Store store = Store.open(StoreConfig.embedded(dir))) {
            var spamd = new org.maildoctor.content.adapter.SpamdClient("127.0.0.1",
                    org.maildoctor.testing.Harness.spamdPort(), java.time.Duration.ofSeconds(20));
            WebServer server = WebServer.builder(WebConfig.loopback(0, "test")).modules(WebModules.with(Map.of(
                    Capability.DELIVERABILITY, new DeliverabilityModule(store, "deliverability.example",
                            List.of(spamd))))).build();
            JavalinTest.test(server.app(), (s, client) -> {
                String gtube = "From: a@misc.test\r\nSubject: t\r\n\r\n"
                        + "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X\r\n";
                JsonNode doc = json(client.request("/api/v1/content/check", b -> b.post(RequestBody.create(gtube,
                        MediaType.get("message/rfc822")))));
                assertThat(doc.at("/secondOpinions/0/engine").asText()).isEqualTo("spamassassin");
                assertThat(doc.at("/secondOpinions/0/spam").asBoolean()).isTrue();
                String page = client.request("/deliverability/content", b -> b.post(new okhttp3.FormBody.Builder()
                        .add("content", "<p>Hello <b>there</b></p>").build())).body().string();
                assertThat(page).contains("Second opinion: spamassassin").contains("(threshold 5.0)");
            });
        }
    }
}
