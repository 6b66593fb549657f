package org.maildoctor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.maildoctor.web.WebServerTest.assertProblem;
import static org.maildoctor.web.WebServerTest.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.maildoctor.blocklist.BlocklistChecker;
import org.maildoctor.blocklist.Catalogue;
import org.maildoctor.blocklist.ListResolvers;
import org.maildoctor.dns.FakeZone;

/** The Blocklists page and GET /api/v1/blocklists/{target} over a declarative zone. */
class BlocklistsModuleTest {

    private static WebServer server() {
        Catalogue catalogue = Catalogue.shipped().withOverrides("""
                replace: true
                lists:
                  - {id: zen, name: ZEN, zone: zen.example, kind: ip, delisting: "https://delist.example/", codes: {127.0.0.2: {meaning: SBL, sublist: SBL}}, errors: {127.255.255.254: "public resolver"}}
                  - {id: refusing, name: Refusing, zone: refusing.example, kind: ip, delisting: "https://r.example/", codes: {127.0.0.2: spam}, errors: {127.255.255.254: "public resolver"}}
                  - {id: dbl, name: DBL, zone: dbl.example, kind: domain, delisting: "https://d.example/", codes: {127.0.1.2: spam}}
                """, "test");
        FakeZone zone = FakeZone.builder()
                .a("2.0.0.127.zen.example", "127.0.0.2").a("99.2.0.192.zen.example", "127.0.0.2")
                .a("99.2.0.192.refusing.example", "127.255.255.254").a("2.0.0.127.refusing.example", "127.255.255.254")
                .a("1.0.0.127.refusing.example", "127.255.255.254")
                .build();
        BlocklistsModule module = new BlocklistsModule(new BlocklistChecker(catalogue, ListResolvers.shared(zone),
                Duration.ofSeconds(1)));
        return WebServer.builder(WebConfig.loopback(0, "test"))
                .modules(WebModules.with(Map.of(Capability.BLOCKLISTS, module))).build();
    }

    @Test
    void apiReportsEachListsVerdict() {
        JavalinTest.test(server().app(), (s, client) -> {
            var r = client.get("/api/v1/blocklists/192.0.2.99");
            assertThat(r.code()).isEqualTo(200);
            JsonNode doc = json(r);
            assertThat(doc.get("verdict").asText()).isEqualTo("listed");
            assertThat(doc.get("lists").get(0).get("verdict").asText()).isEqualTo("listed");
            assertThat(doc.get("lists").get(0).get("delisting").asText()).isEqualTo("https://delist.example/");
            assertThat(doc.get("lists").get(1).get("cause").asText()).isEqualTo("query-refused");
            assertThat(doc.get("skipped").get(0).get("id").asText()).isEqualTo("dbl");

            JsonNode api = json(client.get(WebServer.OPENAPI_PATH));
            assertThat(api.at("/paths/~1api~1v1~1blocklists~1{target}/get/operationId").asText()).isEqualTo("checkBlocklists");

            JsonNode only = json(client.get("/api/v1/blocklists/192.0.2.99?list=refusing"));
            assertThat(only.get("verdict").asText()).isEqualTo("unknown");
            assertThat(only.get("lists")).hasSize(1);
        });
    }

    @Test
    void badInputIsProblemJson() {
        JavalinTest.test(server().app(), (s, client) -> {
            assertProblem(client.get("/api/v1/blocklists/999.1.1.1"), 400, "/api/v1/blocklists/999.1.1.1");
            assertProblem(client.get("/api/v1/blocklists/192.0.2.1?list=nope"), 400, "/api/v1/blocklists/192.0.2.1");
        });
    }

    @Test
    void pageRendersTheVerdictsAndEscapesInput() {
        JavalinTest.test(server().app(), (s, client) -> {
            assertThat(client.get("/blocklists").body().string()).contains("name=\"target\"").doesNotContain("id=\"verdict\"");
            String html = client.get("/blocklists?target=192.0.2.99").body().string();
            assertThat(html).contains("id=\"verdict\">listed<", "status-fail", "https://delist.example/", "status-unknown",
                    "query refused");
            var bad = client.get("/blocklists?target=%3Cscript%3E");
            assertThat(bad.code()).isEqualTo(400);
            assertThat(bad.body().string()).contains("class=\"error\"").doesNotContain("<script>");
        });
    }
}
