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

    /** Statuses of the graded checks only (not the bulk-sender checklist). */
    private Map<String, String> graded() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        Map<String, String> m = new HashMap<>();
        doc.get("checks").forEach(c -> {
            if (c.get("graded").asBoolean()) {
                m.put(c.get("id").asText(), c.get("status").asText());
            }
        });
        return m;
    }

    /** The harness's HTTPS server (MTA-STS, BIMI) runs on a test port with certificates of a test CA. */
    private static String[] tls(String... args) {
        String[] extra = {"--ca-file", Harness.caFile().toString(), "--https-port", String.valueOf(Harness.httpsPort()),
            "--smtp-port", String.valueOf(Harness.smtpPort())};
        String[] all = java.util.Arrays.copyOf(args, args.length + extra.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        return all;
    }

    @Test
    void goodTestPassesEverything() throws Exception {
        int code = run(tls("domain", "audit", "good.test", "--ip", "127.0.0.1", "--selector", "sel1", "--json"));
        Map<String, String> s = graded();
        assertThat(s).as(out.toString()).isNotEmpty().allSatisfy((id, st) -> assertThat(st).as(id).isEqualTo("pass"));
        assertThat(statuses()).containsEntry("bulk.spf", "pass").containsEntry("bulk.dkim", "pass")
                .containsEntry("bulk.dmarc", "pass").containsEntry("bulk.rdns", "pass")
                .containsEntry("bulk.unsubscribe", "unknown").containsEntry("bulk.complaints", "unknown");
        assertThat(new ObjectMapper().readTree(out.toString()).get("publish")).isEmpty();
        assertThat(s).containsEntry("spf.record", "pass").containsEntry("spf.lookups", "pass")
                .containsEntry("dkim.selector", "pass").containsEntry("dkim.key-strength", "pass");
        assertThat(s).containsEntry("mx.records", "pass").containsEntry("mx.cname", "pass")
                .containsEntry("rdns.fcrdns", "pass").containsEntry("dmarc.record", "pass")
                .containsEntry("dmarc.policy", "pass");
        assertThat(new ObjectMapper().readTree(out.toString()).get("domain").asText()).isEqualTo("good.test");
        assertThat(new ObjectMapper().readTree(out.toString()).get("grade").asText()).isEqualTo("A");
        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
    }

    @Test
    void smtpReportsStarttlsDetailsOfTheHarnessPostfix() throws Exception {
        int code = run(tls("domain", "audit", "good.test", "--smtp", "--selector", "sel1", "--json"));
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        JsonNode starttls = null;
        for (JsonNode c : doc.get("checks")) {
            if (c.get("id").asText().equals("starttls.mx.good.test")) {
                starttls = c;
            }
        }
        assertThat(starttls).as(out.toString()).isNotNull();
        assertThat(starttls.get("section").asText()).isEqualTo("STARTTLS");
        assertThat(starttls.get("status").asText()).isEqualTo("pass");
        assertThat(starttls.get("explanation").asText()).contains("offers STARTTLS: TLSv1.");
        assertThat(starttls.get("evidence").toString()).contains("SIZE", "PIPELINING", "SMTPUTF8", "REQUIRETLS",
                "valid until", "chain: trusted");
        assertThat(statuses()).containsEntry("mtasts.policy", "pass").containsEntry("tlsrpt.record", "pass")
                .containsEntry("bimi.svg", "pass");
        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
    }

    @Test
    void humanOutputOfTheStarttlsCheck() {
        run(tls("domain", "audit", "good.test", "--smtp"));
        assertThat(out.toString()).contains("STARTTLS", "starttls.mx.good.test", "MTA-STS", "mtasts.policy");
    }

    @Test
    void anUnreadableCaFileIsAUsageError() {
        assertThat(run("domain", "audit", "good.test", "--ca-file", "/nonexistent/ca.pem")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--ca-file");
    }

    @Test
    void brokenTestMxCnameFailsWithExitOne() throws Exception {
        assertThat(run("domain", "audit", "broken.test", "--json")).isEqualTo(ExitCode.PROBLEMS);
        assertThat(statuses()).containsEntry("mx.cname", "fail").containsEntry("dmarc.policy", "warn")
                .containsEntry("spf.multiple-records", "fail").containsEntry("bulk.spf", "fail");
        JsonNode publish = new ObjectMapper().readTree(out.toString()).get("publish");
        assertThat(publish.findValuesAsText("section")).contains("SPF", "DMARC");
        for (JsonNode p : publish) {
            if (p.get("section").asText().equals("SPF")) {
                assertThat(p.get("why").asText()).contains("merged");
                assertThat(p.get("value").asText()).startsWith("v=spf1 ");
            } else {
                assertThat(p.get("value").asText()).contains("p=quarantine");
            }
        }
    }

    @Test
    void tooManyLookupsFails() throws Exception {
        assertThat(run("domain", "audit", "toomany.broken.test", "--json")).isEqualTo(ExitCode.PROBLEMS);
        assertThat(statuses()).containsEntry("spf.lookups", "fail");
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
