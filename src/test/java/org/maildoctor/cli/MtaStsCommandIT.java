package org.maildoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.maildoctor.testing.Harness;

/** {@code maildoctor mta-sts check} against the harness zones and its HTTPS server. */
class MtaStsCommandIT {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String domain, String... more) {
        String[] base = {"mta-sts", "check", domain, "--dns", Harness.dnsServer(), "--allow-private",
            "--ca-file", Harness.caFile().toString(), "--https-port", String.valueOf(Harness.httpsPort())};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return Main.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private Map<String, String> statuses() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        Map<String, String> m = new HashMap<>();
        doc.get("checks").forEach(c -> m.put(c.get("id").asText(), c.get("status").asText()));
        return m;
    }

    @Test
    void goodPolicyPasses() throws Exception {
        assertThat(run("good.test", "--json")).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(statuses()).containsEntry("mtasts.record", "pass").containsEntry("mtasts.policy", "pass")
                .containsEntry("mtasts.mode", "pass").containsEntry("mtasts.mx", "pass")
                .containsEntry("tlsrpt.record", "pass").hasSize(5);
    }

    @Test
    void brokenPolicyFailsWithExitOne() throws Exception {
        assertThat(run("broken.test", "--json")).isEqualTo(ExitCode.PROBLEMS);
        assertThat(statuses()).containsEntry("mtasts.mx", "fail").containsEntry("mtasts.mode", "warn")
                .containsEntry("tlsrpt.record", "fail");
    }

    @Test
    void upperCaseAndATrailingDotAreTheSameDomain() throws Exception {
        assertThat(run("Good.TEST.", "--json")).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(new ObjectMapper().readTree(out.toString()).get("domain").asText()).isEqualTo("good.test");
    }

    @Test
    void notADomainIsAUsageError() {
        assertThat(run("bad_domain!.test")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).doesNotContain("Exception");
    }

    @Test
    void humanOutput() {
        run("expired.broken.test");
        assertThat(out.toString()).contains("MTA-STS and TLS-RPT of expired.broken.test", "FAIL", "mtasts.policy",
                "expired", "fix:");
    }
}
