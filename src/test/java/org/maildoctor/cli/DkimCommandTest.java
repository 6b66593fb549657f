package org.maildoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maildoctor.auth.dkim.BodyHashCheck;
import org.maildoctor.auth.dkim.DkimSignatureResult;
import org.maildoctor.auth.dkim.FailureReason;
import org.maildoctor.auth.dkim.SignatureCheck;

/** {@code maildoctor dkim …} through {@link Main#run}, without the harness (no DNS answers needed). */
class DkimCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void keygenWritesAPrivateFileAndPrintsOnlyTheRecord() throws Exception {
        Run r = run("dkim", "keygen", "--domain", "Good.Test", "--selector", "s2026", "--type", "ed25519",
                "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        Path key = dir.resolve("s2026.good.test.private.pem");
        assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(r.out()).contains("s2026._domainkey.good.test. IN TXT ( \"v=DKIM1; k=ed25519; p=")
                .doesNotContain("PRIVATE KEY-----\n");
        assertThat(r.out()).doesNotContain(Files.readString(key).lines().toList().get(1));

        Run again = run("dkim", "keygen", "--domain", "good.test", "--selector", "s2026", "--type", "ed25519",
                "--out", dir.toString());
        assertThat(again.code()).isEqualTo(ExitCode.USAGE);
        assertThat(again.err()).contains("already exists");
    }

    @Test
    void keygenJsonWithPrintPrivateRsa() throws Exception {
        Run r = run("dkim", "keygen", "--domain", "good.test", "--selector", "big", "--out", dir.toString(), "--json",
                "--print-private");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("bits").asInt()).isEqualTo(2048);
        assertThat(doc.get("keyType").asText()).isEqualTo("rsa");
        assertThat(doc.get("dnsName").asText()).isEqualTo("big._domainkey.good.test");
        assertThat(doc.get("recordStrings").size()).isGreaterThan(1);
        assertThat(doc.get("privateKeyPem").asText()).isEqualTo(Files.readString(dir.resolve("big.good.test.private.pem")));
    }

    @Test
    void keygenRejectsBadTypeAndSize() {
        assertThat(run("dkim", "keygen", "--domain", "good.test", "--selector", "s", "--type", "dsa",
                "--out", dir.toString()).code()).isEqualTo(ExitCode.USAGE);
        Run weak = run("dkim", "keygen", "--domain", "good.test", "--selector", "s", "--bits", "512", "--out", dir.toString());
        assertThat(weak.code()).isEqualTo(ExitCode.USAGE);
        assertThat(weak.err()).contains("RFC 8301");
    }

    @Test
    void verifyUnsignedMessageIsNoneExitOne() throws Exception {
        Path m = dir.resolve("m.eml");
        Files.writeString(m, "From: a@good.test\r\nSubject: hi\r\n\r\nbody\r\n");
        Run r = run("dkim", "verify", m.toString(), "--dns", "127.0.0.1:9");
        assertThat(r.code()).isEqualTo(ExitCode.PROBLEMS);
        assertThat(r.out()).contains("none");
    }

    @Test
    void verifyWithUnreachableDnsIsTemperrorExitThree() throws Exception {
        Path m = dir.resolve("signed.eml");
        try (var in = getClass().getResourceAsStream("/corpora/dkim/mailauth/rfc8463-signed.eml")) {
            Files.write(m, in.readAllBytes());
        }
        Run r = run("dkim", "verify", m.toString(), "--dns", "127.0.0.1:9", "--timeout", "300ms", "--json");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.RUNTIME);
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("verdict").asText()).isEqualTo("temperror");
        assertThat(doc.get("signatures")).hasSize(2);
        JsonNode first = doc.get("signatures").get(0);
        assertThat(first.get("domain").asText()).isEqualTo("football.example.com");
        assertThat(first.get("selector").asText()).isEqualTo("brisbane");
        assertThat(first.get("reason").asText()).isEqualTo("DNS_TEMPORARY");
        assertThat(first.get("bodyHash").asText()).isEqualTo("not_checked");
    }

    @Test
    void verifyMissingFileIsUsage() {
        Run r = run("dkim", "verify", dir.resolve("nope.eml").toString());
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("cannot read");
    }

    @Test
    void exitCodes() {
        DkimSignatureResult pass = result(FailureReason.NONE);
        DkimSignatureResult temp = result(FailureReason.DNS_TEMPORARY);
        DkimSignatureResult fail = result(FailureReason.BODY_HASH_MISMATCH);
        assertThat(DkimCommand.exitCode(List.of(pass))).isEqualTo(ExitCode.OK);
        assertThat(DkimCommand.exitCode(List.of())).isEqualTo(ExitCode.PROBLEMS);
        assertThat(DkimCommand.exitCode(List.of(pass, temp))).isEqualTo(ExitCode.RUNTIME);
        assertThat(DkimCommand.exitCode(List.of(temp, fail))).isEqualTo(ExitCode.PROBLEMS);
        assertThat(DkimCommand.verifyDocument("f", List.of(pass)).keySet()).containsExactly("file", "verdict", "signatures");
    }

    @Test
    void helpListsTheSubcommands() {
        Run r = run("dkim", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("verify", "keys", "keygen");
    }

    private static DkimSignatureResult result(FailureReason reason) {
        return new DkimSignatureResult(reason.verdict(), reason, "x", "d.test", "s", "rsa-sha256", OptionalInt.of(2048),
                BodyHashCheck.MATCH, SignatureCheck.VALID, false);
    }
}
