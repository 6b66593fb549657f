package org.maildoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.maildoctor.testing.Harness;

/** {@code maildoctor dmarc check} end to end through {@link Main#run}, against the harness DNS (Knot). */
class DmarcCommandIT {

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private static JsonNode json(String domain, int expectedExit) throws Exception {
        Run r = run("dmarc", "check", domain, "--dns", Harness.dnsServer(), "--json");
        assertThat(r.code()).as(r.err()).isEqualTo(expectedExit);
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void goodTestRejectsAndPasses() throws Exception {
        JsonNode d = json("good.test", ExitCode.OK);
        assertThat(d.get("outcome").asText()).isEqualTo("pass");
        assertThat(d.get("policy").asText()).isEqualTo("reject");
        assertThat(d.get("policyDomain").asText()).isEqualTo("good.test");
        assertThat(d.get("record").asText()).startsWith("v=DMARC1; p=reject");
        assertThat(d.get("organizationalDomain").get("publicSuffixList").asText()).isEqualTo("good.test");
        assertThat(d.get("organizationalDomain").get("treeWalk").asText()).isEqualTo("good.test");
        assertThat(d.get("reportDestinations").get(0).get("status").asText()).isEqualTo("same-organization");
        // the harness's "test" zone answers NXDOMAIN for _dmarc.test: the walk completes
        assertThat(d.get("treeWalk").get(1).get("query").asText()).isEqualTo("_dmarc.test");
        assertThat(d.get("treeWalk").get(1).get("outcome").asText()).isEqualTo("nxdomain");
        assertThat(d.get("findings")).extracting(f -> f.get("id").asText()).doesNotContain("dmarc.walk-incomplete");
    }

    @Test
    void brokenTestIsMonitoringOnlyAndWarns() throws Exception {
        JsonNode d = json("broken.test", ExitCode.PROBLEMS);
        assertThat(d.get("outcome").asText()).isEqualTo("warn");
        assertThat(d.get("policy").asText()).isEqualTo("none");
        assertThat(d.get("findings")).extracting(f -> f.get("id").asText()).contains("dmarc.policy-none");
    }

    @Test
    void aSubdomainFallsBackToTheOrganizationalDomain() throws Exception {
        JsonNode d = json("mx.good.test", ExitCode.OK);
        assertThat(d.get("policyDomain").asText()).isEqualTo("good.test");
        assertThat(d.get("policySource").asText()).isEqualTo("organizational-domain");
        assertThat(d.get("policy").asText()).isEqualTo("reject"); // no sp: subdomains follow p
        assertThat(d.get("treeWalk").get(0).get("query").asText()).isEqualTo("_dmarc.mx.good.test");
        assertThat(d.get("treeWalk").get(0).get("outcome").asText()).isEqualTo("nxdomain");
        assertThat(d.get("findings")).extracting(f -> f.get("id").asText()).contains("dmarc.policy-inherited");
    }

    /** misc.test publishes no DMARC record, and neither does its parent: "no record", a problem (exit 1). */
    @Test
    void noRecordAnywhereIsAFinding() throws Exception {
        JsonNode d = json("misc.test", ExitCode.PROBLEMS);
        assertThat(d.get("outcome").asText()).isEqualTo("fail");
        assertThat(d.get("treeWalk").get(0).get("outcome").asText()).isEqualTo("nxdomain");
        assertThat(d.get("findings")).extracting(f -> f.get("id").asText()).contains("dmarc.no-record");
    }

    @Test
    void humanOutputAndDnsFailure() {
        Run r = run("dmarc", "check", "good.test", "--dns", Harness.dnsServer());
        assertThat(r.out()).contains("Policy", "reject  (author domain good.test)", "Outcome: pass");
        Run down = run("dmarc", "check", "good.test", "--dns", "127.0.0.1:9", "--timeout", "2s");
        assertThat(down.code()).isEqualTo(ExitCode.RUNTIME);
        assertThat(down.err().lines().toList()).singleElement().asString().startsWith("maildoctor: unreachable");
        assertThat(down.out()).contains("Outcome: temperror");
    }
}
