package org.maildoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maildoctor.auth.dkim.DkimKeyRecord;
import org.maildoctor.auth.dkim.DkimKeyRecordParser;
import org.maildoctor.auth.dmarc.DmarcParseResult;
import org.maildoctor.auth.dmarc.DmarcRecordParser;
import org.maildoctor.auth.spf.SpfParseResult;
import org.maildoctor.auth.spf.SpfRecord;

/** {@code maildoctor generate …}: JSON shape (docs/cli-generate.md), text output, usage errors. */
class GenerateCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private JsonNode json() throws Exception {
        return Output.json().readTree(out.toString());
    }

    @Test
    void spfWithoutIncludesNeedsNoDns() throws Exception {
        // ip4/ip6 only: the walk asks nothing, so the unreachable resolver is never used
        assertThat(run("generate", "spf", "--domain", "example.org", "--ip4", "203.0.113.0/24", "--ip6",
                "2001:db8::1", "--all", "softfail", "--json", "--dns", "127.0.0.1:9", "--timeout", "200ms")).isZero();
        JsonNode doc = json();
        assertThat(doc.get("record").get("value").asText())
                .isEqualTo("v=spf1 ip4:203.0.113.0/24 ip6:2001:db8:0:0:0:0:0:1 ~all");
        assertThat(doc.get("record").get("name").asText()).isEqualTo("example.org");
        assertThat(doc.get("lookups").asInt()).isZero();
        assertThat(doc.get("withinLimit").asBoolean()).isTrue();
        assertThat(doc.get("flattening").isNull()).isTrue();
        assertThat(SpfRecord.parse(doc.get("record").get("value").asText())).isInstanceOf(SpfParseResult.Parsed.class);
    }

    @Test
    void dmarcJsonAndText() throws Exception {
        assertThat(run("generate", "dmarc", "--domain", "example.org", "-p", "reject", "--rua", "d@reports.example.net",
                "--json")).isZero();
        JsonNode doc = json();
        String record = doc.get("record").get("value").asText();
        assertThat(record).isEqualTo("v=DMARC1; p=reject; rua=mailto:d@reports.example.net");
        assertThat(DmarcRecordParser.parse(record)).isInstanceOf(DmarcParseResult.Valid.class);
        assertThat(doc.get("externalDestinations").get(0).get("name").asText())
                .isEqualTo("example.org._report._dmarc.reports.example.net");
        assertThat(doc.get("rollout")).hasSize(5);
        out.getBuffer().setLength(0);
        assertThat(run("generate", "dmarc", "--domain", "example.org", "-p", "quarantine")).isZero();
        assertThat(out.toString()).contains("_dmarc.example.org. IN TXT \"v=DMARC1; p=quarantine\"", "Rollout:");
    }

    @Test
    void dkimWritesThePrivateKeyAndPrintsTheRecord(@TempDir Path dir) throws Exception {
        assertThat(run("generate", "dkim", "--domain", "example.org", "--selector", "s1", "--type", "ed25519",
                "--out", dir.toString(), "--json")).isZero();
        JsonNode doc = json();
        assertThat(doc.has("privateKeyPem")).isFalse();
        assertThat(Files.readString(dir.resolve("s1.example.org.private.pem"))).contains("PRIVATE KEY");
        String record = String.join("", Output.json().convertValue(doc.get("record").get("strings"), String[].class));
        assertThat(DkimKeyRecordParser.parse(record)).isInstanceOf(DkimKeyRecord.Parse.Valid.class);
    }

    @Test
    void mtaStsText() {
        assertThat(run("generate", "mta-sts", "--domain", "example.org", "--mx", "mx1.example.org", "--tls-rpt",
                "tls@example.org")).isZero();
        assertThat(out.toString()).contains("https://mta-sts.example.org/.well-known/mta-sts.txt", "mode: testing",
                "mx: mx1.example.org", "_mta-sts.example.org. IN TXT \"v=STSv1; id=",
                "_smtp._tls.example.org. IN TXT \"v=TLSRPTv1; rua=mailto:tls@example.org\"");
    }

    @Test
    void badInputIsUsageWithOneLine() {
        assertThat(run("generate", "spf", "--domain", "example.org", "--ip4", "nope")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("not an IPv4").doesNotContain("Exception");
        assertThat(run("generate", "spf", "--domain", "example.org", "--provider", "nosuch")).isEqualTo(ExitCode.USAGE);
        assertThat(run("generate", "dmarc", "--domain", "example.org", "-p", "maybe")).isEqualTo(ExitCode.USAGE);
        assertThat(run("generate", "mta-sts", "--domain", "example.org")).isEqualTo(ExitCode.USAGE);
        assertThat(run("generate")).isEqualTo(ExitCode.USAGE);
    }
}
