package org.maildoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maildoctor.blocklist.HarnessLists;
import org.maildoctor.testing.Harness;
import org.maildoctor.testing.SilentDnsServer;

/** {@code maildoctor blocklist} and the audit's blocklist section end to end, against the harness fake lists. */
class BlocklistCommandIT {
    @TempDir
    static Path dir;
    private static Path catalogue;
    private static SilentDnsServer silent;

    record Run(int code, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    @BeforeAll
    static void writeCatalogue() throws Exception {
        silent = new SilentDnsServer();
        catalogue = dir.resolve("lists.yml");
        // the harness lists plus one silent list (appended to the same 'lists' sequence)
        String silentEntry = HarnessLists.silentLists(silent.hostPort(), "500ms").lines()
                .filter(l -> l.contains("silent-1")).findFirst().orElseThrow();
        Files.writeString(catalogue, HarnessLists.yaml() + silentEntry.stripTrailing().replaceFirst("^\\s*", "  ") + "\n");
    }

    @AfterAll
    static void stop() {
        silent.close();
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private static Map<String, JsonNode> lists(JsonNode doc) {
        Map<String, JsonNode> m = new HashMap<>();
        doc.get("lists").forEach(l -> m.put(l.get("id").asText(), l));
        return m;
    }

    @Test
    void listedIpAsJson() throws Exception {
        Run r = run("blocklist", "192.0.2.99", "--json", "--dns", Harness.dnsServer(), "--blocklists", catalogue.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.PROBLEMS);
        JsonNode doc = r.json();
        assertThat(doc.get("verdict").asText()).isEqualTo("listed");
        Map<String, JsonNode> l = lists(doc);
        assertThat(l.get("zen").get("verdict").asText()).isEqualTo("listed");
        assertThat(l.get("zen").get("codes").findValuesAsText("sublist")).containsExactly("SBL", "XBL");
        assertThat(l.get("zen").get("delisting").asText()).isEqualTo("https://check.spamhaus.org/");
        assertThat(l.get("zen").get("reason").asText()).contains("SBLTEST99");
        assertThat(l.get("refused").get("verdict").asText()).isEqualTo("unknown");
        assertThat(l.get("refused").get("cause").asText()).isEqualTo("query-refused");
        assertThat(l.get("silent-1").get("cause").asText()).isEqualTo("timeout");
        assertThat(l.get("everything").get("cause").asText()).isEqualTo("list-lists-everything");
        assertThat(doc.get("skipped").findValuesAsText("id")).contains("dbl", "multi");
    }

    @Test
    void cleanIpOnHealthyListsExitsZero() {
        Run r = run("blocklist", "192.0.2.10", "--list", "zen,dbl", "--dns", Harness.dnsServer(), "--blocklists",
                catalogue.toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("192.0.2.10: not-listed").contains("NOT-LISTED zen").contains("SKIPPED    dbl");
    }

    @Test
    void refusedOnlyIsUnknownExitThree() {
        Run r = run("blocklist", "192.0.2.99", "--list", "refused", "--dns", Harness.dnsServer(), "--blocklists",
                catalogue.toString());
        assertThat(r.code()).isEqualTo(ExitCode.RUNTIME);
        assertThat(r.out()).contains("UNKNOWN    refused").contains("unknown: query refused").contains("127.255.255.254");
    }

    @Test
    void humanOutputOfAListingShowsTheDelistingLink() {
        Run r = run("blocklist", "Spam.Example.", "--dns", Harness.dnsServer(), "--blocklists", catalogue.toString());
        assertThat(r.code()).isEqualTo(ExitCode.PROBLEMS);
        assertThat(r.out()).startsWith("spam.example: listed").contains("LISTED     dbl")
                .contains("delisting: https://check.spamhaus.org/");
    }

    @Test
    void auditWithIpHasABlocklistSection() throws Exception {
        Run r = run("domain", "audit", "good.test", "--ip", "192.0.2.99", "--ip", "127.0.0.1", "--selector", "sel1",
                "--allow-private", "--json", "--dns", Harness.dnsServer(), "--blocklists", catalogue.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.PROBLEMS);
        Map<String, JsonNode> checks = new HashMap<>();
        r.json().get("checks").forEach(c -> {
            if (c.get("section").asText().equals("Blocklists")) {
                checks.put(c.get("id").asText(), c);
            }
        });
        assertThat(checks.get("blocklist.zen").get("status").asText()).isEqualTo("fail");
        assertThat(checks.get("blocklist.zen").get("fix").asText()).contains("https://check.spamhaus.org/");
        assertThat(checks.get("blocklist.refused").get("status").asText()).isEqualTo("unknown");
        assertThat(checks.get("blocklist.refused").get("explanation").asText()).contains("query refused");
        assertThat(checks.get("blocklist.silent-1").get("status").asText()).isEqualTo("unknown");
        assertThat(checks.get("blocklist.not-applicable").get("explanation").asText()).startsWith("127.0.0.1 is a loopback");
        assertThat(checks.keySet()).doesNotContain("blocklist.dbl");
    }
}
