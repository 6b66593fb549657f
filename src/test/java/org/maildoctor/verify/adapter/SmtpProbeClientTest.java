package org.maildoctor.verify.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.maildoctor.verify.ProbeFailure;
import org.maildoctor.verify.ProbeSession;
import org.maildoctor.verify.ProbeTransport;

/**
 * The probe client against hostile servers on loopback (a thread that writes bytes; no harness
 * needed): garbage, a 10 MB banner, a multi-line reply without end, a connection dropped mid-reply.
 * Each gives a failure value within the timeout, never an exception.
 */
class SmtpProbeClientTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private ServerSocket server;

    @FunctionalInterface
    interface Script {
        void run(InputStream in, OutputStream out) throws IOException;
    }

    /** A generous timeout: under CI load a scripted server may need more than a second to answer. */
    private SmtpProbeClient client(Script script) throws IOException {
        return client(script, Duration.ofSeconds(5));
    }

    private SmtpProbeClient client(Script script, Duration t) throws IOException {
        server = new ServerSocket(0, 5, LOOPBACK);
        Thread.ofVirtual().start(() -> {
            try (Socket s = server.accept()) {
                script.run(s.getInputStream(), s.getOutputStream());
                s.getOutputStream().flush();
                Thread.sleep(300);
            } catch (IOException | InterruptedException e) {
                // the client closed first: expected in several scripts
            }
        });
        return new SmtpProbeClient(new SmtpProbeConfig(server.getLocalPort(), "probe.test", "", t, t, true));
    }

    @AfterEach
    void close() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private static void send(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c; (c = in.read()) >= 0 && c != '\n'; ) {
            sb.append((char) c);
        }
        return sb.toString().strip();
    }

    private static ProbeFailure failure(ProbeTransport.Opened o) {
        assertThat(o).isInstanceOf(ProbeTransport.Opened.Failed.class);
        return ((ProbeTransport.Opened.Failed) o).failure();
    }

    @Test
    void garbageInsteadOfAGreetingIsAProtocolFailure() throws IOException {
        ProbeTransport.Opened o = client((in, out) -> send(out, "HTTP/1.1 400 Bad Request\r\n\r\n"))
                .open("garbage.test", LOOPBACK);
        assertThat(failure(o).kind()).isEqualTo(ProbeFailure.Kind.PROTOCOL);
        assertThat(failure(o).detail()).contains("not an SMTP reply");
    }

    @Test
    void aTenMegabyteBannerIsCutOff() throws IOException {
        ProbeTransport.Opened o = client((in, out) -> {
            send(out, "220 ");
            byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 160; i++) {
                out.write(chunk);
            }
            send(out, "\r\n");
        }).open("big.test", LOOPBACK);
        assertThat(failure(o).kind()).isEqualTo(ProbeFailure.Kind.PROTOCOL);
        assertThat(failure(o).detail()).contains("longer than");
    }

    @Test
    void aMultiLineReplyThatNeverEndsIsCutOff() throws IOException {
        ProbeTransport.Opened o = client((in, out) -> {
            for (int i = 0; i < 100_000; i++) {
                send(out, "220-still greeting " + i + "\r\n");
            }
        }).open("endless.test", LOOPBACK);
        assertThat(failure(o).kind()).isEqualTo(ProbeFailure.Kind.PROTOCOL);
        assertThat(failure(o).detail()).contains("more than");
    }

    @Test
    void aConnectionDroppedMidReplyIsANetworkFailure() throws IOException {
        ProbeTransport.Opened o = client((in, out) -> send(out, "220-mx.test ESMTP\r\n220-half"))
                .open("drop.test", LOOPBACK);
        assertThat(failure(o).kind()).isIn(ProbeFailure.Kind.NETWORK, ProbeFailure.Kind.TIMEOUT);
    }

    @Test
    void aServerThatNeverSpeaksTimesOut() throws IOException {
        long start = System.nanoTime();
        ProbeTransport.Opened o = client((in, out) -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, Duration.ofMillis(700)).open("silent.test", LOOPBACK);
        assertThat(failure(o).kind()).isEqualTo(ProbeFailure.Kind.TIMEOUT);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2500);
    }

    @Test
    void aRejectedGreetingCarriesTheReply() throws IOException {
        ProbeTransport.Opened o = client((in, out) -> send(out, "554 5.7.1 No SMTP service for you\r\n"))
                .open("reject.test", LOOPBACK);
        ProbeFailure f = failure(o);
        assertThat(f.kind()).isEqualTo(ProbeFailure.Kind.REJECTED);
        assertThat(f.reply().orElseThrow().status().orElseThrow().toString()).isEqualTo("5.7.1");
    }

    @Test
    void aFullSessionRunsEhloMailFromRcptRsetQuitAndNeverData() throws IOException {
        StringBuilder seen = new StringBuilder();
        ProbeTransport.Opened o = client((in, out) -> {
            send(out, "220 mx.test ESMTP\r\n");
            String l;
            while (!(l = line(in)).isEmpty()) {
                seen.append(l).append('\n');
                String verb = l.split("[ :]")[0].toUpperCase();
                switch (verb) {
                    case "EHLO" -> send(out, "250-mx.test\r\n250-PIPELINING\r\n250 8BITMIME\r\n");
                    case "RCPT" -> send(out, l.contains("nobody")
                            ? "550-5.1.1 The email account that you tried to reach does not exist.\r\n550 5.1.1 Try again.\r\n"
                            : "250 2.1.5 Ok\r\n");
                    case "QUIT" -> {
                        send(out, "221 2.0.0 Bye\r\n");
                        return;
                    }
                    default -> send(out, "250 2.0.0 Ok\r\n");
                }
            }
        }).open("mx.test", LOOPBACK);
        assertThat(o).isInstanceOf(ProbeTransport.Opened.Ready.class);
        try (ProbeSession s = ((ProbeTransport.Opened.Ready) o).session()) {
            ProbeSession.Step ok = s.rcpt("jane@mx.test");
            ProbeSession.Step no = s.rcpt("nobody@mx.test");
            assertThat(((ProbeSession.Step.Reply) ok).reply().replyCode().orElseThrow().value()).isEqualTo(250);
            var reply = ((ProbeSession.Step.Reply) no).reply();
            assertThat(reply.status().orElseThrow().toString()).isEqualTo("5.1.1");
            assertThat(reply.text()).contains("does not exist");
            assertThat(s.reset()).isInstanceOf(ProbeSession.Step.Reply.class);
        }
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(seen.toString()).contains("EHLO probe.test", "MAIL FROM:<>", "RCPT TO:<jane@mx.test>", "RSET",
                "QUIT").doesNotContain("DATA");
    }
}
