package org.maildoctor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.maildoctor.web.WebServerTest.assertProblem;
import static org.maildoctor.web.WebServerTest.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.net.InetAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.maildoctor.audit.AddressPolicy;
import org.maildoctor.audit.Audits;
import org.maildoctor.dns.FakeZone;

/** The Domain audit page and GET /api/v1/domains/{domain}/audit over a declarative zone. */
class AuditModuleTest {

    private static WebServer server() throws Exception {
        FakeZone zone = FakeZone.builder()
                .mx("example.org", 10, "mx.example.org").a("mx.example.org", "8.8.8.8")
                .txt("example.org", "v=spf1 mx -all")
                .txt("_dmarc.example.org", "v=DMARC1; p=reject; rua=mailto:dmarc@example.org").nxdomain("_dmarc.org")
                // the RFC 8463 example Ed25519 key
                .txt("brisbane._domainkey.example.org", "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=")
                .mx("alias.example", 10, "cn.alias.example").cname("cn.alias.example", "mx.example.org")
                .ptr(InetAddress.getByName("8.8.8.8"), "mx.example.org")
                .build();
        AuditModule module = new AuditModule(Audits.standard(zone, AddressPolicy.PUBLIC_ONLY));
        return WebServer.builder(WebConfig.loopback(0, "test"))
                .modules(WebModules.with(Map.of(Capability.AUDIT, module))).build();
    }

    @Test
    void apiReturnsTheGradedChecklist() throws Exception {
        JavalinTest.test(server().app(), (s, client) -> {
            var r = client.get("/api/v1/domains/example.org/audit?ip=8.8.8.8&selector=brisbane");
            assertThat(r.code()).isEqualTo(200);
            JsonNode doc = json(r);
            assertThat(doc.get("domain").asText()).isEqualTo("example.org");
            assertThat(doc.get("grade").asText()).isEqualTo("A");
            assertThat(doc.get("checks").findValuesAsText("id")).contains("spf.record", "dkim.selector", "dmarc.policy",
                    "mx.records", "mx.cname", "rdns.fcrdns");
            for (JsonNode c : doc.get("checks")) {
                if (c.get("graded").asBoolean()) {
                    assertThat(c.get("status").asText()).as(c.get("id").asText()).isEqualTo("pass");
                } else {
                    assertThat(c.get("id").asText()).startsWith("bulk.");
                }
            }
            assertThat(doc.get("checks").findValuesAsText("id")).contains("bulk.spf", "bulk.dkim", "bulk.dmarc",
                    "bulk.alignment", "bulk.rdns", "bulk.tls", "bulk.unsubscribe", "bulk.complaints");
            assertThat(doc.get("publish")).isEmpty(); // nothing wrong, nothing to correct
        });
    }

    @Test
    void apiReportsFailuresWithFixes() throws Exception {
        JavalinTest.test(server().app(), (s, client) -> {
            JsonNode doc = json(client.get("/api/v1/domains/alias.example/audit"));
            JsonNode cname = null;
            for (JsonNode c : doc.get("checks")) {
                if (c.get("id").asText().equals("mx.cname")) {
                    cname = c;
                }
            }
            assertThat(cname).isNotNull();
            assertThat(cname.get("status").asText()).isEqualTo("fail");
            assertThat(cname.get("fix").asText()).isNotBlank();
            assertThat(doc.get("grade").asText()).isNotEqualTo("A");
        });
    }

    @Test
    void badInputIsProblemJson() throws Exception {
        JavalinTest.test(server().app(), (s, client) -> {
            assertProblem(client.get("/api/v1/domains/example.org/audit?ip=not-an-ip"), 400,
                    "/api/v1/domains/example.org/audit");
            assertProblem(client.get("/api/v1/domains/bad..name/audit"), 400, "/api/v1/domains/bad..name/audit");
        });
    }

    @Test
    void pageRendersTheReport() throws Exception {
        JavalinTest.test(server().app(), (s, client) -> {
            String empty = client.get("/audit").body().string();
            assertThat(empty).contains("name=\"domain\"").doesNotContain("id=\"grade\"");
            String full = client.get("/audit?domain=example.org&ip=8.8.8.8&selector=brisbane").body().string();
            assertThat(full).contains("id=\"grade\">A<", "dkim.selector", "value=\"brisbane\"", "bulk.unsubscribe",
                    "Bulk-sender requirements").doesNotContain("Records to publish");
            String broken = client.get("/audit?domain=alias.example").body().string();
            assertThat(broken).contains("Records to publish", "_dmarc.alias.example", "data-copy=\"publish-0\"");
            String html = client.get("/audit?domain=alias.example").body().string();
            assertThat(html).contains("id=\"grade\"", "mx.cname", "status-fail", "Fix:");
        });
    }

    @Test
    void pageEscapesInputAndExplainsBadDomains() throws Exception {
        JavalinTest.test(server().app(), (s, client) -> {
            var r = client.get("/audit?domain=%3Cscript%3E");
            String html = r.body().string();
            assertThat(r.code()).isEqualTo(400);
            assertThat(html).contains("class=\"error\"").doesNotContain("<script>");
        });
    }
}
