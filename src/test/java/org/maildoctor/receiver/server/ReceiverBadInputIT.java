package org.maildoctor.receiver.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maildoctor.store.Store;
import org.maildoctor.store.StoreConfig;

/** Hostile clients: a stall mid-DATA, 1,000 RCPTs, pipelined garbage; clean SMTP errors, nothing half-stored. */
class ReceiverBadInputIT {
    static final String DOMAIN = "deliverability.example";
    @TempDir
    Path dir;

    DeliverabilityReceiver start(Store store) throws Exception {
        return DeliverabilityReceiver.start(ReceiverConfig.defaults(InetAddress.getLoopbackAddress(), 0,
                dir.resolve("spool"), Optional.empty()).withTimeout(Duration.ofSeconds(2)), store, null, Clock.systemUTC());
    }

    /** Sends 200 copies of {@code junk} after EHLO in one write, then QUIT; returns every reply. */
    static String pipeline(int port, String junk) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            StringBuilder all = new StringBuilder("EHLO x\r\n");
            for (int i = 0; i < 200; i++) {
                all.append(junk);
            }
            all.append("QUIT\r\n");
            out.write(all.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void aClientStallingMidDataIsDisconnectedAndNothingIsStored() throws Exception {
        try (Store store = Store.open(StoreConfig.embedded(dir.resolve("db"))); DeliverabilityReceiver r = start(store)) {
            String to = TestAddresses.issue(store.tokens(), DOMAIN, Duration.ofHours(1)).address();
            try (SmtpDialog d = new SmtpDialog(r.port())) {
                d.cmd("EHLO stall.example");
                d.cmd("MAIL FROM:<a@example.org>");
                assertThat(d.cmd("RCPT TO:<" + to + ">")).startsWith("250");
                assertThat(d.cmd("DATA")).startsWith("354");
                // half a message, then silence: the 2 s timeout closes the session
                String after = d.cmd("Subject: half\r\n\r\nsome text");
                assertThat(after).doesNotStartWith("250");
            }
            assertThat(store.received().count()).isZero();
            assertThat(r.acceptedCount()).isZero();
            // the server still serves others
            try (SmtpDialog d = new SmtpDialog(r.port())) {
                assertThat(d.cmd("EHLO ok.example")).startsWith("250");
            }
        }
    }

    @Test
    void aThousandRecipientsAndPipelinedGarbageGetCleanReplies() throws Exception {
        try (Store store = Store.open(StoreConfig.embedded(dir.resolve("db"))); DeliverabilityReceiver r = start(store)) {
            String to = TestAddresses.issue(store.tokens(), DOMAIN, Duration.ofHours(1)).address();
            try (SmtpDialog d = new SmtpDialog(r.port())) {
                d.cmd("EHLO many.example");
                d.cmd("MAIL FROM:<a@example.org>");
                int ok = 0;
                int refused = 0;
                for (int i = 0; i < 1000; i++) {
                    String reply = d.cmd("RCPT TO:<" + to + ">");
                    if (reply.startsWith("250")) {
                        ok++;
                    } else if (reply.startsWith("4") || reply.startsWith("5")) {
                        refused++;
                    }
                }
                assertThat(ok).isEqualTo(100);
                assertThat(refused).isEqualTo(900);
                assertThat(d.data("Subject: x\r\n\r\nhello there, a short body\r\n".getBytes(StandardCharsets.US_ASCII)))
                        .startsWith("250");
            }
            assertThat(store.received().count()).isEqualTo(1);

            // bytes that are not valid in a command: 501 and the connection is closed
            assertThat(pipeline(r.port(), "\u0001\u00ffGARBAGE ;;; <<>>\r\nRCPT TO:<nobody@nowhere>\r\n"))
                    .contains("501").doesNotContain("250 2.0.0");
            // ASCII junk pipelined with commands: one error reply each, and QUIT still answers 221
            String replies = pipeline(r.port(), "FROB nicate ;;; <<>>\r\nRCPT TO:<nobody@nowhere>\r\nDATA\r\n");
            assertThat(replies).contains("221").contains("500").doesNotContain("250 2.0.0");
            assertThat(store.received().count()).isEqualTo(1);
        }
    }
}
