package org.maildoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maildoctor.auth.dkim.DkimPrivateKeys;
import org.maildoctor.auth.dkim.DkimSigner;
import org.maildoctor.auth.dkim.DkimSigningKey;
import org.maildoctor.auth.dkim.SignOutcome;
import org.maildoctor.dns.dnsjava.Resolvers;
import org.maildoctor.receiver.score.BlocklistLookup;
import org.maildoctor.receiver.score.MessageAnalyzer;
import org.maildoctor.receiver.server.DeliverabilityReceiver;
import org.maildoctor.receiver.server.ReceiverConfig;
import org.maildoctor.receiver.server.SmtpDialog;
import org.maildoctor.store.Store;
import org.maildoctor.store.StoreConfig;
import org.maildoctor.testing.Harness;

/** {@code maildoctor analyze} and {@code maildoctor test new|report} against the harness DNS. */
class AnalyzeAndTestCommandsIT {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    static byte[] signedMessage() throws Exception {
        DkimSigner signer = new DkimSigner(new DkimSigningKey("good.test", "sel1", DkimPrivateKeys.parse(
                Files.readString(Path.of("test-harness/dkim/sel1.private"))).orElseThrow()), Clock.systemUTC());
        byte[] m = ("From: Alice <alice@good.test>\r\nTo: bob@example.org\r\nSubject: Quarterly planning notes\r\n"
                + "Date: Tue, 1 Dec 2026 10:00:00 +0000\r\nMessage-ID: <q1@good.test>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\nHi Bob, the notes of the planning meeting follow.\r\n")
                .getBytes(StandardCharsets.UTF_8);
        return ((SignOutcome.Signed) signer.sign(m)).message();
    }

    @Test
    void analyzeGivesTheJsonContractWithPassingAuthentication() throws Exception {
        Path file = dir.resolve("m.eml");
        Files.write(file, signedMessage());
        DkimCommandTest.Run r = DkimCommandTest.run("analyze", file.toString(), "--client-ip", "127.0.0.1", "--helo",
                "mx.good.test", "--mail-from", "alice@good.test", "--dns", Harness.dnsServer(), "--json");
        JsonNode doc = JSON.readTree(r.out());
        assertThat(doc.get("score").asDouble()).isEqualTo(10.0);
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(doc.at("/authentication/spf/result").asText()).isEqualTo("pass");
        assertThat(doc.at("/authentication/spf/domain").asText()).isEqualTo("good.test");
        assertThat(doc.at("/authentication/dkim/0/result").asText()).isEqualTo("pass");
        assertThat(doc.at("/authentication/dkim/0/selector").asText()).isEqualTo("sel1");
        assertThat(doc.at("/authentication/dmarc/result").asText()).isEqualTo("pass");
        assertThat(doc.at("/authentication/dmarc/policy").asText()).isEqualTo("reject");
        assertThat(doc.get("checks").size()).isGreaterThan(10);

        DkimCommandTest.Run text = DkimCommandTest.run("analyze", file.toString(), "--client-ip", "127.0.0.3",
                "--helo", "mx.good.test", "--mail-from", "alice@good.test", "--dns", Harness.dnsServer());
        assertThat(text.code()).isEqualTo(ExitCode.PROBLEMS);
        assertThat(text.out()).contains("score: ").contains("auth.spf").contains("fix: ");
    }

    @Test
    void analyzeVerifiesAnArcChainWithTheKeyFromTheHarnessDns() throws Exception {
        // sealed by dkimpy with the harness key (src/test/resources/arc/generate.py)
        Path file = dir.resolve("arc.eml");
        byte[] sealed = org.maildoctor.auth.arc.ArcFixtures.message("harness-good-test");
        Files.write(file, sealed);
        DkimCommandTest.Run r = DkimCommandTest.run("analyze", file.toString(), "--client-ip", "127.0.0.1", "--helo",
                "mx.good.test", "--mail-from", "list@good.test", "--dns", Harness.dnsServer(), "--json");
        JsonNode doc = JSON.readTree(r.out());
        assertThat(doc.at("/authentication/arc/result").asText()).as(r.out()).isEqualTo("pass");
        assertThat(doc.at("/authentication/arc/instances").asInt()).isEqualTo(1);
        assertThat(doc.at("/authentication/authenticationResults").asText()).contains("arc=pass header.oldest-pass=0");

        Files.write(file, new String(sealed, StandardCharsets.ISO_8859_1).replace("wiki page", "wiki-page")
                .getBytes(StandardCharsets.ISO_8859_1));
        JsonNode bad = JSON.readTree(DkimCommandTest.run("analyze", file.toString(), "--client-ip", "127.0.0.1",
                "--helo", "mx.good.test", "--mail-from", "list@good.test", "--dns", Harness.dnsServer(), "--json").out());
        assertThat(bad.at("/authentication/arc/result").asText()).isEqualTo("fail");
        assertThat(bad.at("/authentication/arc/failedInstance").asInt()).isEqualTo(1);
        assertThat(bad.at("/authentication/arc/reason").asText()).isEqualTo("MESSAGE_SIGNATURE");
    }

    @Test
    void analyzeRejectsBadInputWithExitTwo() {
        DkimCommandTest.Run r = DkimCommandTest.run("analyze", dir.resolve("missing.eml").toString(), "--client-ip",
                "127.0.0.1", "--helo", "x", "--mail-from", "a@b.c");
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("cannot read");
        DkimCommandTest.Run ip = DkimCommandTest.run("analyze", "x.eml", "--client-ip", "not-an-ip", "--helo", "x",
                "--mail-from", "a@b.c");
        assertThat(ip.code()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void testNewThenReportWaitsForTheMessageAndPrintsItsScoreCard() throws Exception {
        String dataDir = dir.resolve("data").toString();
        DkimCommandTest.Run issued = DkimCommandTest.run("test", "new", "--test-domain", "deliverability.example",
                "--data-dir", dataDir, "--json");
        assertThat(issued.code()).as(issued.err()).isZero();
        JsonNode a = JSON.readTree(issued.out());
        String token = a.get("token").asText();
        assertThat(a.get("address").asText()).isEqualTo(token + "@deliverability.example");
        assertThat(a.get("expires").asText()).isNotEmpty();

        DkimCommandTest.Run waiting = DkimCommandTest.run("test", "report", token, "--data-dir", dataDir, "--json");
        assertThat(waiting.code()).isEqualTo(ExitCode.PROBLEMS);
        assertThat(JSON.readTree(waiting.out()).get("status").asText()).isEqualTo("waiting");

        try (Store store = Store.open(StoreConfig.embedded(dir.resolve("data")));
             DeliverabilityReceiver receiver = DeliverabilityReceiver.start(ReceiverConfig.defaults(
                     InetAddress.getLoopbackAddress(), 0, dir.resolve("spool"), Optional.empty()), store,
                     new MessageAnalyzer(Resolvers.create(Optional.of(new InetSocketAddress("127.0.0.1",
                             Harness.dnsPort())), Duration.ofSeconds(3), 1), Clock.systemUTC(), BlocklistLookup.NONE,
                             "deliverability.example"), Clock.systemUTC())) {
            assertThat(SmtpDialog.send(receiver.port(), "mx.good.test", "alice@good.test", a.get("address").asText(),
                    signedMessage())).startsWith("250");
            DkimCommandTest.Run report = DkimCommandTest.run("test", "report", token, "--wait", "60s",
                    "--data-dir", dataDir, "--json");
            JsonNode doc = JSON.readTree(report.out());
            assertThat(doc.get("status").asText()).as(report.out()).isEqualTo("analysed");
            assertThat(doc.at("/authentication/dkim/0/result").asText()).isEqualTo("pass");
            assertThat(doc.at("/authentication/spf/result").asText()).isEqualTo("pass");
            assertThat(doc.at("/authentication/dmarc/result").asText()).isEqualTo("pass");
            assertThat(doc.at("/envelope/tls").asBoolean()).isFalse();
            // sent without TLS: the one deduction
            assertThat(report.code()).isEqualTo(ExitCode.PROBLEMS);
            assertThat(doc.get("score").asDouble()).isEqualTo(9.5);

            DkimCommandTest.Run text = DkimCommandTest.run("test", "report", a.get("address").asText(),
                    "--data-dir", dataDir);
            assertThat(text.out()).contains("score: 9.5 / 10").contains("transport.tls");
        }
        DkimCommandTest.Run unknown = DkimCommandTest.run("test", "report", "0123", "--data-dir", dataDir);
        assertThat(unknown.code()).isEqualTo(ExitCode.USAGE);
    }
}
