package org.maildoctor.content.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.maildoctor.content.SecondOpinion;
import org.maildoctor.testing.Harness;

/**
 * The spamd and rspamd clients against the harness's real SpamAssassin 4.0 and rspamd 3.4 on
 * loopback; a silent socket and a tiny HTTP server stand in for engines that hang or misbehave.
 */
class SecondOpinionIT {
    static final byte[] GTUBE = ("From: a@misc.test\r\nTo: b@misc.test\r\nSubject: test\r\n\r\n"
            + "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X\r\n").getBytes(StandardCharsets.US_ASCII);
    static final byte[] HAM = ("From: Ann <ann@misc.test>\r\nTo: Bob <bob@misc.test>\r\nSubject: lunch\r\n"
            + "Date: Sun, 06 Dec 2026 04:00:00 +0000\r\nMessage-ID: <ham@misc.test>\r\n\r\n"
            + "Shall we meet for lunch at noon on Tuesday?\r\n").getBytes(StandardCharsets.US_ASCII);
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Test
    void spamAssassinFlagsGtubeWithItsRulesAndPassesANote() {
        SpamdClient spamd = new SpamdClient("127.0.0.1", Harness.spamdPort(), TIMEOUT);
        SecondOpinion spam = spamd.check(GTUBE);
        assertThat(spam.unavailable()).isEmpty();
        SecondOpinion.Verdict v = spam.verdict().orElseThrow();
        assertThat(v.spam()).isTrue();
        assertThat(v.score()).isGreaterThan(999);
        assertThat(v.threshold()).isEqualTo(5.0);
        assertThat(v.rules().getFirst().name()).isEqualTo("GTUBE");
        assertThat(v.rules().getFirst().description()).containsIgnoringCase("Unsolicited Bulk Email");
        SecondOpinion ham = spamd.check(HAM);
        assertThat(ham.verdict().orElseThrow().spam()).isFalse();
        assertThat(ham.verdict().orElseThrow().score()).isLessThan(5.0);
    }

    @Test
    void rspamdRejectsGtubeAndLetsANotePass() {
        RspamdClient rspamd = new RspamdClient("http://127.0.0.1:" + Harness.rspamdPort(), TIMEOUT);
        SecondOpinion.Verdict spam = rspamd.check(GTUBE).verdict().orElseThrow();
        assertThat(spam.spam()).isTrue();
        assertThat(spam.action()).contains("reject");
        assertThat(spam.rules()).extracting(SecondOpinion.Rule::name).contains("GTUBE");
        SecondOpinion.Verdict ham = rspamd.check(HAM).verdict().orElseThrow();
        assertThat(ham.spam()).isFalse();
        assertThat(ham.action()).contains("no action");
    }

    @Test
    void rspamdSeesTheEnvelopeWeGiveIt() {
        // good.test publishes SPF "ip4:127.0.0.1 -all" and DMARC p=reject in the harness zone, which rspamd
        // reads from the harness Knot; rspamd skips SPF for loopback clients, so the pass side is "no SPF verdict"
        byte[] msg = new String(HAM, StandardCharsets.US_ASCII).replace("misc.test", "good.test")
                .getBytes(StandardCharsets.US_ASCII);
        RspamdClient base = new RspamdClient("http://127.0.0.1:" + Harness.rspamdPort() + "/", TIMEOUT);
        List<String> allowed = names(base.withEnvelope(Map.of("IP", "127.0.0.1", "Helo", "mx.good.test",
                "From", "ann@good.test")).check(msg));
        List<String> failed = names(base.withEnvelope(Map.of("IP", "192.0.2.7", "Helo", "mx.good.test",
                "From", "ann@good.test")).check(msg));
        assertThat(failed).contains("R_SPF_FAIL", "DMARC_POLICY_REJECT");
        assertThat(allowed).isNotEmpty().doesNotContain("R_SPF_FAIL", "DMARC_POLICY_REJECT");
    }

    private static List<String> names(SecondOpinion o) {
        return o.verdict().orElseThrow().rules().stream().map(SecondOpinion.Rule::name).toList();
    }

    @Test
    void enginesThatAreDownOrSilentAreUnavailableNotErrors() throws Exception {
        int dead;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            dead = s.getLocalPort();
        }
        SecondOpinion down = new SpamdClient("127.0.0.1", dead, TIMEOUT).check(HAM);
        assertThat(down.summary()).startsWith("second opinion unavailable: spamassassin at 127.0.0.1:" + dead
                + ": cannot reach spamd");
        assertThat(new RspamdClient("http://127.0.0.1:" + dead, TIMEOUT).check(HAM).unavailable().orElseThrow())
                .startsWith("cannot reach rspamd");

        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread t = Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // test over
                }
            });
            long t0 = System.nanoTime();
            SecondOpinion hung = new SpamdClient("127.0.0.1", silent.getLocalPort(), Duration.ofMillis(500)).check(HAM);
            assertThat(hung.unavailable()).contains("no answer within 500 ms");
            SecondOpinion hungHttp = new RspamdClient("http://127.0.0.1:" + silent.getLocalPort(), Duration.ofMillis(500))
                    .check(HAM);
            assertThat(hungHttp.unavailable()).contains("no answer within 500 ms");
            assertThat((System.nanoTime() - t0) / 1e9).isLessThan(5);
            t.interrupt();
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    /** rspamd's HTTP contract (/checkv2 answers JSON with score, required_score, action, symbols) with a tiny server. */
    @Test
    void rspamdContractErrorsAreReportedWithTheirCause() throws Exception {
        Map<String, String> seen = new ConcurrentHashMap<>();
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/checkv2", ex -> {
            seen.put("path", ex.getRequestURI().getPath());
            seen.put("ip", String.valueOf(ex.getRequestHeaders().getFirst("IP")));
            byte[] body = ex.getRequestBody().readAllBytes();
            seen.put("body", new String(body, StandardCharsets.US_ASCII));
            String mode = ex.getRequestHeaders().getFirst("Helo");
            byte[] answer = switch (String.valueOf(mode)) {
                case "bad-json" -> "<html>oops</html>".getBytes(StandardCharsets.US_ASCII);
                case "error" -> "Internal error".getBytes(StandardCharsets.US_ASCII);
                default -> ("{\"score\":6.5,\"required_score\":15,\"action\":\"add header\",\"symbols\":{"
                        + "\"FAKE_A\":{\"name\":\"FAKE_A\",\"score\":4.5,\"description\":\"a\"},"
                        + "\"FAKE_B\":{\"name\":\"FAKE_B\",\"score\":2.0}}}").getBytes(StandardCharsets.US_ASCII);
            };
            ex.sendResponseHeaders(String.valueOf(mode).equals("error") ? 500 : 200, answer.length);
            ex.getResponseBody().write(answer);
            ex.close();
        });
        http.start();
        try {
            String url = "http://127.0.0.1:" + http.getAddress().getPort();
            SecondOpinion ok = new RspamdClient(url, TIMEOUT).withEnvelope(Map.of("IP", "192.0.2.1")).check(HAM);
            assertThat(seen).containsEntry("path", "/checkv2").containsEntry("ip", "192.0.2.1")
                    .containsEntry("body", new String(HAM, StandardCharsets.US_ASCII));
            SecondOpinion.Verdict v = ok.verdict().orElseThrow();
            assertThat(v.spam()).as("'add header' is filed as spam").isTrue();
            assertThat(v.threshold()).isEqualTo(15.0);
            assertThat(v.rules()).extracting(SecondOpinion.Rule::name).containsExactly("FAKE_A", "FAKE_B");
            assertThat(new RspamdClient(url + "/checkv2", TIMEOUT).withEnvelope(Map.of("Helo", "bad-json")).check(HAM)
                    .unavailable()).contains("rspamd's answer is not JSON");
            assertThat(new RspamdClient(url, TIMEOUT).withEnvelope(Map.of("Helo", "error")).check(HAM)
                    .unavailable()).contains("HTTP 500: Internal error");
        } finally {
            http.stop(0);
        }
    }
}
