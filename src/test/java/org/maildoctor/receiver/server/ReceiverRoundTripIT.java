package org.maildoctor.receiver.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maildoctor.dns.Resolver;
import org.maildoctor.dns.dnsjava.Resolvers;
import org.maildoctor.receiver.score.BlocklistLookup;
import org.maildoctor.receiver.score.MessageAnalyzer;
import org.maildoctor.store.ReceivedMessage;
import org.maildoctor.store.Store;
import org.maildoctor.store.StoreConfig;
import org.maildoctor.testing.Harness;

/**
 * The harness round trip: a message submitted to the harness Postfix (submission port) is signed by
 * OpenDKIM for good.test (selector sel1) and relayed to this receiver on the harness relay port;
 * its report shows SPF, DKIM and DMARC pass. The same message with one body byte changed fails DKIM
 * with a body hash mismatch. swaks is a real client with and without STARTTLS; unknown tokens and
 * other domains get 550 5.1.1.
 */
class ReceiverRoundTripIT {
    static final String DOMAIN = "deliverability.example";
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static Store store;
    static DeliverabilityReceiver receiver;

    @BeforeAll
    static void start() throws IOException {
        store = Store.open(StoreConfig.embedded(dir.resolve("db")));
        Resolver resolver = Resolvers.create(Optional.of(new InetSocketAddress("127.0.0.1", Harness.dnsPort())),
                Duration.ofSeconds(3), 1);
        ReceiverConfig config = ReceiverConfig.defaults(InetAddress.getLoopbackAddress(), Harness.relayPort(),
                dir.resolve("spool"), Optional.of(SelfSignedTls.generated(dir.resolve("tls.p12"), DOMAIN)))
                .withLimits(50, 1000).withMaxMessageBytes(1024 * 1024);
        receiver = DeliverabilityReceiver.start(config, store,
                new MessageAnalyzer(resolver, Clock.systemUTC(), BlocklistLookup.NONE, DOMAIN), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        if (receiver != null) {
            receiver.close();
        }
        if (store != null) {
            store.close();
        }
    }

    static String address() {
        return TestAddresses.issue(store.tokens(), DOMAIN, Duration.ofHours(1)).address();
    }

    static String token(String address) {
        return address.substring(0, address.indexOf('@'));
    }

    static byte[] message(String to, String subject) {
        return ("From: Alice <alice@good.test>\r\nTo: " + to + "\r\nSubject: " + subject + "\r\n"
                + "Date: Tue, 1 Dec 2026 10:00:00 +0000\r\nMessage-ID: <" + System.nanoTime() + "@good.test>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                + "Hello, this is the deliverability round trip through Postfix and OpenDKIM.\r\n"
                + "It has a few lines of ordinary text so the content checks have something to read.\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    static ReceivedMessage awaitReport(String token) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            List<ReceivedMessage> all = store.received().forToken(token);
            if (!all.isEmpty() && all.getLast().reportJson().isPresent()) {
                return all.getLast();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no analysed message for " + token + " within 90 s (Postfix log: "
                + Harness.env().getProperty("MAIL_HARNESS_POSTFIX_LOG") + ")");
    }

    @Test
    void postfixAndOpenDkimRelayASignedMessageThatPassesSpfDkimAndDmarc() throws Exception {
        String to = address();
        String reply = SmtpDialog.send(Harness.submissionPort(), "client.good.test", "alice@good.test", to,
                message(to, "Round trip"));
        assertThat(reply).startsWith("250");

        ReceivedMessage m = awaitReport(token(to));
        assertThat(m.clientIp()).isEqualTo("127.0.0.1");
        assertThat(m.helo()).isEqualTo("mx.good.test");
        assertThat(m.mailFrom()).isEqualTo("alice@good.test");
        assertThat(m.recipients()).containsExactly(to);
        assertThat(Files.readAllBytes(Path.of(m.rawPath()))).isEqualTo(store.received().raw(m.id()).orElseThrow());

        JsonNode card = JSON.readTree(m.reportJson().orElseThrow());
        JsonNode auth = card.get("authentication");
        assertThat(auth.at("/spf/result").asText()).isEqualTo("pass");
        assertThat(auth.at("/spf/domain").asText()).isEqualTo("good.test");
        assertThat(auth.get("dkim")).hasSize(1);
        assertThat(auth.at("/dkim/0/result").asText()).isEqualTo("pass");
        assertThat(auth.at("/dkim/0/domain").asText()).isEqualTo("good.test");
        assertThat(auth.at("/dkim/0/selector").asText()).isEqualTo("sel1");
        assertThat(auth.at("/dmarc/result").asText()).isEqualTo("pass");
        assertThat(auth.at("/dmarc/policy").asText()).isEqualTo("reject");
        assertThat(auth.at("/dmarc/disposition").asText()).isEqualTo("none");
        assertThat(auth.at("/authenticationResults").asText()).contains("dkim=pass header.d=good.test header.s=sel1")
                .contains("spf=pass smtp.mailfrom=alice@good.test").contains("dmarc=pass");
        assertThat(checkStatus(card, "rdns.fcrdns")).isEqualTo("pass");
        assertThat(checkStatus(card, "rdns.helo")).isEqualTo("pass");

        // the same signed message with one body byte changed, sent straight to the receiver
        byte[] signed = store.received().raw(m.id()).orElseThrow();
        String text = new String(signed, StandardCharsets.UTF_8);
        byte[] tampered = text.replace("ordinary text", "ordinary test").getBytes(StandardCharsets.UTF_8);
        assertThat(tampered).isNotEqualTo(signed);
        String to2 = address();
        String tamperedText = new String(tampered, StandardCharsets.UTF_8);
        assertThat(SmtpDialog.send(receiver.port(), "mx.good.test", "alice@good.test", to2, tampered)).startsWith("250");
        JsonNode bad = JSON.readTree(awaitReport(token(to2)).reportJson().orElseThrow());
        assertThat(bad.at("/authentication/dkim/0/result").asText()).isEqualTo("fail");
        assertThat(bad.at("/authentication/dkim/0/reason").asText()).isEqualTo("BODY_HASH_MISMATCH");
        assertThat(bad.at("/authentication/spf/result").asText()).isEqualTo("pass");
        assertThat(bad.get("score").asDouble()).isLessThan(card.get("score").asDouble());
        assertThat(tamperedText).contains("DKIM-Signature");
    }

    static String checkStatus(JsonNode card, String id) {
        for (JsonNode c : card.get("checks")) {
            if (c.get("id").asText().equals(id)) {
                return c.get("status").asText();
            }
        }
        return "absent";
    }

    @Test
    void unknownTokensExpiredTokensAndOtherDomainsAreRejectedWith550() throws Exception {
        try (SmtpDialog d = new SmtpDialog(receiver.port())) {
            assertThat(d.greeting).startsWith("220");
            d.cmd("EHLO mx.good.test");
            assertThat(d.cmd("MAIL FROM:<alice@good.test>")).startsWith("250");
            assertThat(d.cmd("RCPT TO:<00000000000000000000000000000000@" + DOMAIN + ">")).startsWith("550 5.1.1");
            assertThat(d.cmd("RCPT TO:<bob@gmail.com>")).startsWith("550 5.1.1");
            String issued = address();
            assertThat(d.cmd("RCPT TO:<" + token(issued) + "@other.example>")).startsWith("550 5.1.1");
            String expired = address();
            store.tokens().expire(token(expired));
            assertThat(d.cmd("RCPT TO:<" + expired + ">")).startsWith("550 5.1.1");
            assertThat(d.cmd("RCPT TO:<" + issued + ">")).startsWith("250");
        }
    }

    @Test
    void swaksDeliversWithAndWithoutStartTlsAndTheEnvelopeSaysWhich() throws Exception {
        for (boolean tls : new boolean[] {false, true}) {
            String to = address();
            Path msg = dir.resolve("swaks-" + tls + ".eml");
            Files.write(msg, message(to, "swaks " + tls));
            List<String> cmd = new java.util.ArrayList<>(List.of("swaks", "--server", "127.0.0.1:" + receiver.port(),
                    "--helo", "mx.good.test", "--from", "alice@good.test", "--to", to, "--data", "@" + msg,
                    "--timeout", "20"));
            if (tls) {
                cmd.add("--tls");
            }
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            if (tls) {
                assertThat(out).contains("STARTTLS");
            }
            ReceivedMessage m = awaitReport(token(to));
            assertThat(m.tls()).isEqualTo(tls);
            JsonNode card = JSON.readTree(m.reportJson().orElseThrow());
            assertThat(checkStatus(card, "transport.tls")).isEqualTo(tls ? "pass" : "warn");
        }
    }

    @Test
    void oversizedMessagesGet552AndTheSessionStaysUsable() throws Exception {
        String to = address();
        byte[] big = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        for (int i = 100; i < big.length; i += 100) {
            big[i - 2] = '\r';
            big[i - 1] = '\n';
        }
        try (SmtpDialog d = new SmtpDialog(receiver.port())) {
            d.cmd("EHLO mx.good.test");
            d.cmd("MAIL FROM:<alice@good.test>");
            d.cmd("RCPT TO:<" + to + ">");
            assertThat(d.data(big)).startsWith("552 5.3.4");
            assertThat(d.cmd("RSET")).startsWith("250");
            assertThat(d.cmd("NOOP")).startsWith("250");
        }
        assertThat(store.received().forToken(token(to))).isEmpty();
    }
}
