package org.maildoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.maildoctor.testing.Harness;

/** {@code maildoctor spf} end to end through {@link Main#run}, against the harness DNS (test-harness/dns). */
class SpfCommandIT {

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private static JsonNode json(Run r) throws Exception {
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void goodTestPassesForItsMx() throws Exception {
        Run r = run("spf", "check", "--ip", "127.0.0.1", "--sender", "x@good.test", "--dns", Harness.dnsServer(), "--json");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.OK);
        JsonNode doc = json(r);
        assertThat(doc.get("result").asText()).isEqualTo("pass");
        assertThat(doc.get("mechanism").asText()).isEqualTo("mx"); // "v=spf1 mx ip4:127.0.0.1 -all"
        assertThat(doc.get("lookups").asInt()).isEqualTo(1);
        assertThat(doc.get("voidLookups").asInt()).isZero();
        assertThat(doc.get("explanation").isNull()).isTrue();
        assertThat(doc.get("queries").get(0).get("name").asText()).isEqualTo("good.test");
    }

    @Test
    void anotherAddressFailsOnMinusAll() throws Exception {
        Run r = run("spf", "check", "--ip", "127.0.0.9", "--sender", "x@good.test", "--dns", Harness.dnsServer());
        assertThat(r.code()).isEqualTo(ExitCode.PROBLEMS);
        assertThat(r.out()).contains("Result:      fail").contains("Mechanism:   -all (in good.test)")
                .contains("Lookups:     1 of 10 DNS-querying terms, 0 of 2 void lookups");
    }

    @Test
    void twoRecordsArePermerrorWhenChecked() throws Exception {
        Run r = run("spf", "check", "--ip", "127.0.0.1", "--sender", "x@broken.test", "--dns", Harness.dnsServer(), "--json");
        assertThat(r.code()).isEqualTo(ExitCode.PROBLEMS);
        assertThat(json(r).get("result").asText()).isEqualTo("permerror");
        assertThat(json(r).get("reason").asText()).contains("2 SPF records");
    }

    @Test
    void showFindsTheSecondRecord() throws Exception {
        Run r = run("spf", "show", "broken.test", "--dns", Harness.dnsServer(), "--json");
        assertThat(r.code()).isEqualTo(ExitCode.PROBLEMS);
        JsonNode doc = json(r);
        assertThat(doc.get("tree").get("status").asText()).isEqualTo("multiple-records");
        assertThat(doc.get("findings").findValuesAsText("id")).contains("spf.multiple-records");
    }

    @Test
    void showCountsTheIncludeChainPastTen() throws Exception {
        Run r = run("spf", "show", "toomany.broken.test", "--dns", Harness.dnsServer(), "--json");
        assertThat(r.code()).isEqualTo(ExitCode.PROBLEMS);
        JsonNode doc = json(r);
        assertThat(doc.get("lookups").asInt()).isEqualTo(11);
        assertThat(doc.get("findings").get(0).get("id").asText()).isEqualTo("spf.lookups");
        assertThat(doc.get("findings").get(0).get("severity").asText()).isEqualTo("error");
        JsonNode node = doc.get("tree");
        assertThat(node.get("cumulativeLookups").asInt()).isEqualTo(11);
        for (int i = 1; i <= 11; i++) {
            node = node.get("children").get(0);
            assertThat(node.get("domain").asText()).isEqualTo("l" + i + ".broken.test");
            assertThat(node.get("cumulativeLookups").asInt()).isEqualTo(11 - i);
        }
        Run text = run("spf", "show", "toomany.broken.test", "--dns", Harness.dnsServer());
        assertThat(text.out()).contains("toomany.broken.test  [1 lookup, 11 with includes]")
                .contains("  include:l1.broken.test  [1 lookup, 10 with includes]")
                .contains("spf.lookups");
    }

    @Test
    void theIncludeChainIsPermerrorWhenEvaluated() throws Exception {
        Run r = run("spf", "check", "--ip", "127.0.0.1", "--sender", "x@toomany.broken.test", "--dns",
                Harness.dnsServer(), "--json");
        JsonNode doc = json(r);
        assertThat(doc.get("result").asText()).isEqualTo("permerror");
        assertThat(doc.get("lookups").asInt()).isEqualTo(11);
        Run flat = run("spf", "check", "--ip", "127.0.0.1", "--sender", "x@flat.broken.test", "--dns",
                Harness.dnsServer(), "--json");
        assertThat(json(flat).get("result").asText()).isEqualTo("permerror");
        assertThat(json(flat).get("reason").asText()).contains("a:h11.broken.test");
    }

    @Test
    void showOfAGoodDomainIsClean() {
        Run r = run("spf", "show", "good.test", "--dns", Harness.dnsServer());
        // ip4:127.0.0.1 is loopback: a private-ip warning is the one finding on the harness domain
        assertThat(r.out()).contains("good.test  [1 lookup, 1 with includes]").contains("spf.private-ip");
        assertThat(r.code()).isEqualTo(ExitCode.PROBLEMS);
    }

    @Test
    void unreachableDnsIsTemperrorNeverFail() throws Exception {
        Run r = run("spf", "check", "--ip", "127.0.0.1", "--sender", "x@good.test", "--dns", "127.0.0.1:9",
                "--timeout", "1s", "--json");
        assertThat(r.code()).isEqualTo(ExitCode.RUNTIME);
        assertThat(json(r).get("result").asText()).isEqualTo("temperror");
        Run show = run("spf", "show", "good.test", "--dns", "127.0.0.1:9", "--timeout", "1s");
        assertThat(show.code()).isEqualTo(ExitCode.RUNTIME);
        assertThat(show.out()).contains("spf.dns-failure");
    }
}
