package org.maildoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.maildoctor.auth.spf.SpfEvaluation;
import org.maildoctor.auth.spf.SpfLinter;
import org.maildoctor.auth.spf.SpfResult;
import org.maildoctor.auth.spf.SpfVerifier;
import org.maildoctor.dns.FakeZone;

/** The JSON shape and exit codes of {@code maildoctor spf} (docs/cli-spf.md); usage errors. */
class SpfCommandTest {

    @Test
    void checkJsonHasTheDocumentedFields() throws Exception {
        FakeZone dns = FakeZone.builder().txt("example.com", "v=spf1 ip4:192.0.2.0/24 -all exp=why.example.com")
                .txt("why.example.com", "not %{i}").build();
        InetAddress ip = InetAddress.getByName("198.51.100.1");
        SpfEvaluation e = SpfVerifier.using(dns, Clock.systemUTC()).checkMailFrom(ip, "a@example.com", "h.example.com");
        Map<String, Object> doc = SpfCommand.Check.toJson(ip, e);
        assertThat(doc.keySet()).containsExactly("result", "mechanism", "matchedIn", "explanation", "reason",
                "identity", "ip", "sender", "domain", "lookups", "voidLookups", "queries");
        assertThat(doc).containsEntry("result", "fail").containsEntry("mechanism", "-all")
                .containsEntry("explanation", "not 198.51.100.1").containsEntry("lookups", 0)
                .containsEntry("voidLookups", 0).containsEntry("identity", "mailfrom");
        assertThat((List<?>) doc.get("queries")).hasSize(2);
    }

    @Test
    void exitCodesPerResult() {
        assertThat(SpfCommand.Check.exitCode(SpfResult.PASS)).isEqualTo(ExitCode.OK);
        assertThat(SpfCommand.Check.exitCode(SpfResult.TEMPERROR)).isEqualTo(ExitCode.RUNTIME);
        for (SpfResult r : List.of(SpfResult.FAIL, SpfResult.SOFTFAIL, SpfResult.NEUTRAL, SpfResult.NONE,
                SpfResult.PERMERROR)) {
            assertThat(SpfCommand.Check.exitCode(r)).as(r.keyword()).isEqualTo(ExitCode.PROBLEMS);
        }
    }

    @Test
    void showJsonHasTheTreeAndFindings() {
        FakeZone dns = FakeZone.builder().txt("example.com", "v=spf1 include:i.example.com ?all")
                .txt("i.example.com", "v=spf1 a -all").a("i.example.com", "8.8.8.8").build();
        Map<String, Object> doc = SpfCommand.Show.toJson(SpfLinter.using(dns).inspect("example.com"));
        assertThat(doc.keySet()).containsExactly("domain", "lookups", "voidLookups", "tree", "findings", "notChecked");
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = (Map<String, Object>) doc.get("tree");
        assertThat(tree.keySet()).containsExactly("domain", "via", "status", "record", "lookups", "cumulativeLookups",
                "findings", "children");
        assertThat(tree).containsEntry("status", "ok").containsEntry("lookups", 1).containsEntry("cumulativeLookups", 2);
        @SuppressWarnings("unchecked")
        Map<String, Object> finding = ((List<Map<String, Object>>) doc.get("findings")).getFirst();
        assertThat(finding).containsEntry("id", "spf.all-neutral").containsEntry("severity", "warning")
                .containsKeys("explanation", "fix", "domain");
    }

    @Test
    void badArgumentsAreUsageErrors() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"spf", "check", "--ip", "not-an-ip", "--sender", "a@b.example"},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString().strip()).isEqualTo("maildoctor: --ip: 'not-an-ip' is not an IPv4 or IPv6 address");
        assertThat(Main.run(new String[] {"spf", "check", "--ip", "192.0.2.1"}, new PrintWriter(out, true),
                new PrintWriter(err, true))).isEqualTo(ExitCode.USAGE);
        assertThat(Main.run(new String[] {"spf"}, new PrintWriter(out, true), new PrintWriter(err, true)))
                .isEqualTo(ExitCode.USAGE);
        assertThat(Main.run(new String[] {"spf", "show", "a..b"}, new PrintWriter(out, true), new PrintWriter(err, true)))
                .isEqualTo(ExitCode.USAGE);
    }
}
