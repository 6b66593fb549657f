package org.maildoctor.receiver.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maildoctor.auth.dkim.DkimPrivateKeys;
import org.maildoctor.auth.dkim.DkimSigner;
import org.maildoctor.auth.dkim.DkimSigningKey;
import org.maildoctor.auth.dkim.SignOutcome;
import org.maildoctor.dns.CachingResolver;
import org.maildoctor.dns.Resolver;
import org.maildoctor.dns.dnsjava.Resolvers;
import org.maildoctor.receiver.score.BlocklistLookup;
import org.maildoctor.receiver.score.MessageAnalyzer;
import org.maildoctor.store.Store;
import org.maildoctor.store.StoreConfig;
import org.maildoctor.testing.Harness;

/**
 * Load test (issue 7): 200 concurrent SMTP connections deliver 5,000 DKIM-signed messages (25 each);
 * every message answered 250 is in the store (stored count equals accepted count) and analysed.
 * Prints throughput and the p50/p99 time from the end of DATA to the stored report (bench/RESULTS.md).
 */
class ReceiverLoadIT {
    static final int CONNECTIONS = Integer.getInteger("load.connections", 200);
    static final int PER_CONNECTION = Integer.getInteger("load.perConnection", 25);
    static final String DOMAIN = "deliverability.example";

    @TempDir
    Path dir;

    @Test
    void twoHundredConnectionsFiveThousandMessagesNoneLost() throws Exception {
        Resolver resolver = new CachingResolver(Resolvers.create(
                Optional.of(new InetSocketAddress("127.0.0.1", Harness.dnsPort())), Duration.ofSeconds(3), 1));
        PrivateKey key = DkimPrivateKeys.parse(Files.readString(Path.of("test-harness/dkim/sel1.private"))).orElseThrow();
        DkimSigner signer = new DkimSigner(new DkimSigningKey("good.test", "sel1", key), Clock.systemUTC());
        try (Store store = Store.open(StoreConfig.embedded(dir.resolve("db")))) {
            ReceiverConfig config = ReceiverConfig.defaults(InetAddress.getLoopbackAddress(), 0, dir.resolve("spool"),
                    Optional.empty()).withLimits(CONNECTIONS + 50, 1_000_000);
            String to = TestAddresses.issue(store.tokens(), DOMAIN, Duration.ofHours(1)).address();
            byte[] signed = ((SignOutcome.Signed) signer.sign(message(to, 0))).message();
            AtomicInteger accepted = new AtomicInteger();
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            long start;
            long acceptedAt;
            DeliverabilityReceiver receiver = DeliverabilityReceiver.start(config, store,
                    new MessageAnalyzer(resolver, Clock.systemUTC(), BlocklistLookup.NONE, DOMAIN), Clock.systemUTC());
            try {
                // warm the DNS cache and the JIT a little, as "with DNS cached" asks
                SmtpDialog.send(receiver.port(), "mx.good.test", "alice@good.test", to, signed);
                waitAnalysed(receiver, 1, 60);
                long before = store.received().count();
                ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
                start = System.nanoTime();
                List<Future<?>> futures = new ArrayList<>();
                for (int c = 0; c < CONNECTIONS; c++) {
                    futures.add(pool.submit(() -> {
                        try (SmtpDialog d = new SmtpDialog(receiver.port())) {
                            d.cmd("EHLO mx.good.test");
                            for (int i = 0; i < PER_CONNECTION; i++) {
                                String r1 = d.cmd("MAIL FROM:<alice@good.test>");
                                String r2 = d.cmd("RCPT TO:<" + to + ">");
                                String r3 = d.data(signed);
                                if (r3.startsWith("250")) {
                                    accepted.incrementAndGet();
                                } else {
                                    failures.add(r1 + " | " + r2 + " | " + r3);
                                    d.cmd("RSET");
                                }
                            }
                            d.cmd("QUIT");
                        } catch (Exception e) {
                            failures.add(e.toString());
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get(15, TimeUnit.MINUTES);
                }
                acceptedAt = System.nanoTime();
                pool.shutdown();
                waitAnalysed(receiver, 1 + accepted.get(), 900);
                long end = System.nanoTime();

                assertThat(failures).isEmpty();
                assertThat(accepted.get()).isEqualTo(CONNECTIONS * PER_CONNECTION);
                assertThat(store.received().count() - before).isEqualTo(accepted.get());
                assertThat(receiver.acceptedCount()).isEqualTo(1 + accepted.get());
                assertThat(store.received().forToken(to.substring(0, to.indexOf('@'))).stream()
                        .filter(m -> m.reportJson().isEmpty())).isEmpty();

                List<Long> lat = new ArrayList<>(receiver.reportLatenciesMillis());
                Collections.sort(lat);
                double acceptSeconds = (acceptedAt - start) / 1e9;
                double totalSeconds = (end - start) / 1e9;
                String figures = String.format(java.util.Locale.ROOT,
                        "receiver load: %d connections x %d = %d messages (%d bytes each, DKIM rsa-sha256 2048) "
                                + "accepted in %.1f s (%.0f msg/s), all analysed after %.1f s (%.0f msg/s end to end); "
                                + "DATA end -> stored report p50 %d ms, p99 %d ms, max %d ms; stored %d = accepted %d",
                        CONNECTIONS, PER_CONNECTION, accepted.get(), signed.length, acceptSeconds,
                        accepted.get() / acceptSeconds, totalSeconds, accepted.get() / totalSeconds,
                        lat.get(lat.size() / 2), lat.get((int) Math.ceil(lat.size() * 0.99) - 1), lat.getLast(),
                        store.received().count() - before, accepted.get());
                System.out.println(figures);
                Files.writeString(Path.of("target", "receiver-load.txt"), figures + "\n", StandardCharsets.UTF_8);
            } finally {
                receiver.close();
            }
        }
    }

    static void waitAnalysed(DeliverabilityReceiver r, long n, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (r.analysedCount() < n && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(r.analysedCount()).as("analysed").isGreaterThanOrEqualTo(n);
    }

    static byte[] message(String to, int i) {
        StringBuilder body = new StringBuilder();
        for (int k = 0; k < 40; k++) {
            body.append("Line ").append(k).append(" of an ordinary newsletter paragraph about the week's news.\r\n");
        }
        return ("From: Alice <alice@good.test>\r\nTo: " + to + "\r\nSubject: Load " + i + "\r\n"
                + "Date: Tue, 1 Dec 2026 10:00:00 +0000\r\nMessage-ID: <load-" + i + "@good.test>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8);
    }
}
