package org.maildoctor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.maildoctor.web.WebServerTest.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.maildoctor.audit.AddressPolicy;
import org.maildoctor.audit.Audits;
import org.maildoctor.audit.TransportProbes;
import org.maildoctor.dns.FakeZone;
import org.maildoctor.transport.HttpsOutcome;

/** The REST audit carries the transport-security checks (MTA-STS, TLS-RPT, BIMI, DANE) by id. */
class AuditModuleTransportTest {

    @Test
    void apiIncludesTransportChecks() throws Exception {
        FakeZone zone = FakeZone.builder()
                .mx("example.org", 10, "mx.example.org").a("mx.example.org", "8.8.8.8")
                .txt("_mta-sts.example.org", "v=STSv1; id=1").a("mta-sts.example.org", "8.8.4.4")
                .txt("_smtp._tls.example.org", "v=TLSRPTv1; rua=ftp://x.example.org/")
                .nxdomain("default._bimi.example.org").nxdomain("_25._tcp.mx.example.org")
                .txt("_dmarc.example.org", "v=DMARC1; p=reject").nxdomain("_dmarc.org").build();
        byte[] policy = "version: STSv1\nmode: enforce\nmx: mx.example.org\nmax_age: 604800\n"
                .getBytes(StandardCharsets.UTF_8);
        TransportProbes probes = new TransportProbes(t -> CompletableFuture.completedFuture(
                new HttpsOutcome.Response(200, Optional.of("text/plain"), Optional.empty(), policy, false)),
                443, Optional.empty(), 25, Clock.systemUTC());
        AuditModule module = new AuditModule(Audits.standard(zone, AddressPolicy.PUBLIC_ONLY, probes));
        WebServer server = WebServer.builder(WebConfig.loopback(0, "test"))
                .modules(WebModules.with(Map.of(Capability.AUDIT, module))).build();
        JavalinTest.test(server.app(), (s, client) -> {
            JsonNode doc = json(client.get("/api/v1/domains/example.org/audit"));
            Map<String, String> status = new HashMap<>();
            Map<String, String> section = new HashMap<>();
            doc.get("checks").forEach(c -> {
                status.put(c.get("id").asText(), c.get("status").asText());
                section.put(c.get("id").asText(), c.get("section").asText());
            });
            assertThat(status).containsEntry("mtasts.record", "pass").containsEntry("mtasts.policy", "pass")
                    .containsEntry("mtasts.mx", "pass").containsEntry("tlsrpt.record", "fail")
                    .containsEntry("bimi.record", "pass").containsEntry("dane.tlsa", "pass");
            assertThat(section).containsEntry("mtasts.policy", "MTA-STS").containsEntry("tlsrpt.record", "TLS-RPT");
        });
    }
}
