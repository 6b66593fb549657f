package org.maildoctor.transport.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.maildoctor.testing.Harness;
import org.maildoctor.transport.HttpsOutcome;
import org.maildoctor.transport.HttpsTarget;
import org.maildoctor.transport.starttls.StarttlsResult;

/**
 * Servers that misbehave on loopback: one that accepts and never speaks, one that offers STARTTLS and
 * then never finishes TLS, and a closed port. Each gives a clear outcome within the timeout, never a hang.
 */
class AdapterTimeoutsIT {
    private static final Duration TIMEOUT = Duration.ofMillis(800);
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    /** Accepts connections; with {@code smtp} greets, answers EHLO with STARTTLS and 220 to it, then goes silent. */
    private static ServerSocket silent(boolean smtp) throws Exception {
        ServerSocket server = new ServerSocket(0, 5, LOOPBACK);
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    Thread.ofVirtual().start(() -> converse(s, smtp));
                } catch (Exception e) {
                    return;
                }
            }
        });
        return server;
    }

    private static void converse(Socket s, boolean smtp) {
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            if (smtp) {
                out.write("220 silent.test ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
                readLine(in);
                out.write("250-silent.test\r\n250-PIPELINING\r\n250 STARTTLS\r\n".getBytes(StandardCharsets.US_ASCII));
                readLine(in);
                out.write("220 2.0.0 go ahead\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            Thread.sleep(10_000); // never a TLS ServerHello
        } catch (Exception e) {
            // the client gave up, as it should
        }
    }

    private static void readLine(InputStream in) throws Exception {
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            // discard
        }
    }

    @Test
    void httpsToAServerThatNeverAnswersTimesOut() throws Exception {
        try (ServerSocket server = silent(false)) {
            SocketHttpsGet get = new SocketHttpsGet(TIMEOUT, TrustAnchors.system());
            long t0 = System.nanoTime();
            HttpsOutcome o = get.get(new HttpsTarget("mta-sts.silent.test", LOOPBACK, server.getLocalPort(),
                    "/.well-known/mta-sts.txt", 65536)).join();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(o).isInstanceOfSatisfying(HttpsOutcome.Failure.class,
                    f -> assertThat(f.kind()).isEqualTo(HttpsOutcome.FailureKind.TIMEOUT));
            assertThat(ms).isLessThan(3 * TIMEOUT.toMillis());
        }
    }

    @Test
    void starttlsThatNeverFinishesTheHandshakeIsAFindingNotAHang() throws Exception {
        try (ServerSocket server = silent(true)) {
            SocketStarttlsProbe probe = new SocketStarttlsProbe(TIMEOUT, TrustAnchors.system(), "it.invalid");
            long t0 = System.nanoTime();
            StarttlsResult r = probe.probe("silent.test", LOOPBACK, server.getLocalPort()).join();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(r).isInstanceOfSatisfying(StarttlsResult.Connected.class, c -> {
                assertThat(c.bannerCode()).isEqualTo(220);
                assertThat(c.extensions().has("PIPELINING")).isTrue();
                assertThat(c.tls()).isInstanceOfSatisfying(StarttlsResult.HandshakeFailed.class,
                        h -> assertThat(h.reason()).contains("did not finish"));
            });
            assertThat(ms).isLessThan(3 * TIMEOUT.toMillis());
        }
    }

    @Test
    void closedPortsAreUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
            port = s.getLocalPort();
        }
        assertThat(new SocketStarttlsProbe(TIMEOUT, TrustAnchors.system(), "it.invalid").probe("x.test", LOOPBACK, port)
                .join()).isInstanceOf(StarttlsResult.Unreachable.class);
        assertThat(new SocketHttpsGet(TIMEOUT, TrustAnchors.system()).get(new HttpsTarget("x.test", LOOPBACK, port, "/", 10))
                .join()).isInstanceOfSatisfying(HttpsOutcome.Failure.class,
                        f -> assertThat(f.kind()).isEqualTo(HttpsOutcome.FailureKind.UNREACHABLE));
    }

    @Test
    void theHarnessPolicyIsFetchedWithTheTestCa() {
        HttpsOutcome o = new SocketHttpsGet(Duration.ofSeconds(3), TrustAnchors.fromPemFile(Harness.caFile()))
                .get(new HttpsTarget("mta-sts.good.test", LOOPBACK, Harness.httpsPort(), "/.well-known/mta-sts.txt", 65536))
                .join();
        assertThat(o).isInstanceOfSatisfying(HttpsOutcome.Response.class, r -> {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.mediaType()).hasValue("text/plain");
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).startsWith("version: STSv1\n");
        });
    }
}
