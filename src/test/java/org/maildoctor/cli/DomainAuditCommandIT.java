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

/** {@code maildoctor domain audit} against the harness zones. */
class DomainAuditCommandIT {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        String[] all = new String[args.length + 3];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--dns";
        all[args.length + 1] = Harness.dnsServer();
        all[args.length + 2] = "--allow-private";
        return Main.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private Map<String, String> statuses() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        Map<String, String> m = new HashMap<>();
        doc.get("checks").forEach(c -> m.put(c.get("id").asText(), c.get("status").asText()));
        return m;
    }

    @Test
    void goodTestMxAndReverseDnsPass() throws Exception {
        int code = run("domain", "audit", "good.test", "--ip", "127.0.0.1", "--json");
        Map<String, String> s = statuses();
        assertThat(s).containsEntry("mx.records", "pass").containsEntry("mx.cname", "pass")
                .containsEntry("rdns.fcrdns", "pass");
        assertThat(new ObjectMapper().readTree(out.toString()).get("domain").asText()).isEqualTo("good.test");
        assertThat(code).as(err.toString()).isIn(ExitCode.OK, ExitCode.PROBLEMS);
    }

    @Test
    void brokenTestMxCnameFailsWithExitOne() throws Exception {
        assertThat(run("domain", "audit", "broken.test", "--json")).isEqualTo(ExitCode.PROBLEMS);
        assertThat(statuses()).containsEntry("mx.cname", "fail");
    }

    @Test
    void nullMxFails() throws Exception {
        run("domain", "audit", "nullmx.test", "--json");
        assertThat(statuses()).containsEntry("mx.nullmx", "fail");
    }

    @Test
    void humanOutputShowsGradeAndFixes() {
        run("domain", "audit", "broken.test");
        assertThat(out.toString()).contains("grade", "FAIL", "mx.cname", "fix:");
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertThat(run("domain", "audit", "good.test", "--ip", "nope")).isEqualTo(ExitCode.USAGE);
        assertThat(run("domain", "audit", "bad_domain!.test")).isEqualTo(ExitCode.USAGE);
    }
}
