package org.maildoctor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.maildoctor.web.WebServerTest.assertProblem;
import static org.maildoctor.web.WebServerTest.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import okhttp3.FormBody;
import org.junit.jupiter.api.Test;
import org.maildoctor.auth.dkim.DkimKeyRecord;
import org.maildoctor.auth.dkim.DkimKeyRecordParser;
import org.maildoctor.auth.dmarc.DmarcParseResult;
import org.maildoctor.auth.dmarc.DmarcRecordParser;
import org.maildoctor.auth.spf.SpfParseResult;
import org.maildoctor.auth.spf.SpfRecord;
import org.maildoctor.dns.FakeZone;

/** The Generators page and POST /api/v1/generate/{spf,dmarc,dkim,mta-sts}. */
class GenerateModuleTest {

    private static WebServer server() {
        FakeZone zone = FakeZone.builder().txt("_spf.google.com", "v=spf1 include:_netblocks.google.com ~all")
                .txt("_netblocks.google.com", "v=spf1 ip4:35.190.247.0/24 ~all")
                .txt("sendgrid.net", "v=spf1 ip4:167.89.0.0/17 ~all").build();
        GenerateModule module = new GenerateModule(zone, Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"),
                ZoneOffset.UTC));
        return WebServer.builder(WebConfig.loopback(0, "test"))
                .modules(WebModules.with(Map.of(Capability.GENERATE, module))).build();
    }

    @Test
    void spfApiCountsLookupsOverTheIncludeTree() throws Exception {
        JavalinTest.test(server().app(), (s, client) -> {
            JsonNode doc = json(client.post("/api/v1/generate/spf", Map.of("domain", "example.org",
                    "providers", List.of("google", "sendgrid"), "ip4", List.of("203.0.113.9"), "all", "softfail")));
            String record = doc.get("record").get("value").asText();
            assertThat(record).isEqualTo("v=spf1 ip4:203.0.113.9 include:_spf.google.com include:sendgrid.net ~all");
            assertThat(SpfRecord.parse(record)).isInstanceOf(SpfParseResult.Parsed.class);
            assertThat(doc.get("lookups").asInt()).isEqualTo(3);
            assertThat(doc.get("tree").get("children")).hasSize(2);
        });
    }

    @Test
    void dmarcDkimAndMtaStsApis() throws Exception {
        JavalinTest.test(server().app(), (s, client) -> {
            JsonNode dmarc = json(client.post("/api/v1/generate/dmarc", Map.of("domain", "example.org", "p", "reject",
                    "rua", List.of("agg@example.net"))));
            assertThat(DmarcRecordParser.parse(dmarc.get("record").get("value").asText()))
                    .isInstanceOf(DmarcParseResult.Valid.class);
            assertThat(dmarc.get("externalDestinations").get(0).get("name").asText())
                    .isEqualTo("example.org._report._dmarc.example.net");
            JsonNode dkim = json(client.post("/api/v1/generate/dkim", Map.of("domain", "example.org", "selector", "s1",
                    "type", "ed25519")));
            assertThat(dkim.get("privateKeyPem").asText()).contains("PRIVATE KEY");
            assertThat(DkimKeyRecordParser.parse(dkim.get("record").get("value").asText()))
                    .isInstanceOf(DkimKeyRecord.Parse.Valid.class);
            JsonNode sts = json(client.post("/api/v1/generate/mta-sts", Map.of("domain", "example.org",
                    "mode", "enforce", "mx", List.of("mx.example.org"), "tlsRpt", List.of("tls@example.org"))));
            assertThat(sts.get("stsRecord").get("value").asText()).isEqualTo("v=STSv1; id=20260102030405");
            assertThat(sts.get("policyFile").asText()).startsWith("version: STSv1\r\nmode: enforce\r\n");
            assertThat(sts.get("tlsRptRecord").get("value").asText()).isEqualTo("v=TLSRPTv1; rua=mailto:tls@example.org");
        });
    }

    @Test
    void badChoicesAreProblemJson() throws Exception {
        JavalinTest.test(server().app(), (s, client) -> {
            assertProblem(client.post("/api/v1/generate/spf", Map.of("domain", "example.org", "ip4", List.of("x"))),
                    400, "/api/v1/generate/spf");
            assertProblem(client.post("/api/v1/generate/dmarc", Map.of("domain", "example.org", "p", "maybe")),
                    400, "/api/v1/generate/dmarc");
            assertProblem(client.post("/api/v1/generate/dkim", Map.of("domain", "example.org")), 400,
                    "/api/v1/generate/dkim");
            assertProblem(client.post("/api/v1/generate/mta-sts", Map.of("domain", "example.org")), 400,
                    "/api/v1/generate/mta-sts");
        });
    }

    @Test
    void pageShowsAFormPerGeneratorAndTheRecordWithACopyButton() throws Exception {
        JavalinTest.test(server().app(), (s, client) -> {
            String empty = client.get("/generate").body().string();
            assertThat(empty).contains("value=\"spf\"", "value=\"dmarc\"", "value=\"dkim\"", "value=\"mta-sts\"",
                    "value=\"sendgrid\"", "/static/copy.js").doesNotContain("data-copy=\"record-0\"");
            String spf = client.get("/generate?kind=spf&domain=example.org&provider=google&ip4=203.0.113.9").body().string();
            assertThat(spf).contains("v=spf1 ip4:203.0.113.9 include:_spf.google.com -all", "data-copy=\"record-0\"",
                    "2 of 10 DNS lookups");
            var bad = client.get("/generate?kind=dmarc&domain=example.org&p=maybe");
            assertThat(bad.code()).isEqualTo(400);
            assertThat(bad.body().string()).contains("role=\"alert\"", "none, quarantine or reject");
            String dkim = client.request("/generate", b -> b.post(new FormBody.Builder().add("kind", "dkim")
                    .add("domain", "example.org").add("selector", "s1").add("type", "ed25519").build())).body().string();
            assertThat(dkim).contains("s1._domainkey.example.org", "v=DKIM1; k=ed25519; p=", "PRIVATE KEY");
            assertThat(client.get("/static/copy.js").body().string()).contains("clipboard");
        });
    }
}
