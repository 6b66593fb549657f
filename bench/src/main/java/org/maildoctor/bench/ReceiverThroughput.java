package org.maildoctor.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.maildoctor.dns.CachingResolver;
import org.maildoctor.receiver.score.BlocklistLookup;
import org.maildoctor.receiver.score.MessageAnalyzer;
import org.maildoctor.receiver.server.DeliverabilityReceiver;
import org.maildoctor.receiver.server.ReceiverConfig;
import org.maildoctor.receiver.server.TestAddresses;
import org.maildoctor.store.Store;
import org.maildoctor.store.StoreConfig;

/**
 * Issue 7 part 6 end to end: "the receiver accepts and fully analyses >= 300 messages/s with DNS cached".
 * This JVM is the receiver process (SubEthaSMTP, fsynced spool file + H2 row before 250, analysis,
 * stored JSON report); the client is Postfix's {@code smtp-source}, a separate process, so the CPU
 * time reported is the receiver's alone. DNS answers sit in memory behind the same
 * {@link CachingResolver} the server uses. Prints wall and per-CPU-second rates and the load average.
 *
 * <p>Usage: {@code ReceiverThroughput [messages] [sessions] [warm-up messages]}.
 */
public final class ReceiverThroughput {
    static final String DOMAIN = "deliverability.example";

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int sessions = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 3000;
        Path dir = Files.createTempDirectory("receiver-bench");
        NewsletterFixture fixture = new NewsletterFixture();
        MapZone zone = fixture.zone;
        try (Store store = Store.open(StoreConfig.embedded(dir.resolve("db")))) {
            String to = TestAddresses.issue(store.tokens(), DOMAIN, Duration.ofHours(2)).address();
            Path eml = dir.resolve("message.eml");
            // smtp-source -F sends each line of the file with CRLF appended: store the signed message with LF
            String signed = new String(fixture.signed(to), StandardCharsets.ISO_8859_1);
            Files.writeString(eml, signed.replace("\r\n", "\n"), StandardCharsets.ISO_8859_1);
            ReceiverConfig config = ReceiverConfig.defaults(InetAddress.getLoopbackAddress(), 0, dir.resolve("spool"),
                    Optional.empty()).withLimits(sessions + 50, 1_000_000);
            MessageAnalyzer analyzer = new MessageAnalyzer(new CachingResolver(zone), Clock.systemUTC(),
                    BlocklistLookup.NONE, DOMAIN);
            try (DeliverabilityReceiver receiver = DeliverabilityReceiver.start(config, store, analyzer,
                    Clock.systemUTC())) {
                if (warmup > 0) {
                    send(receiver.port(), eml, to, warmup, sessions);
                    waitAnalysed(receiver, warmup);
                    System.out.println("# warm-up: " + warmup + " messages");
                }
                String report = store.received().forToken(to.substring(0, to.indexOf('@'))).getFirst().reportJson()
                        .orElse("");
                if (!report.matches("(?s).*\"dkim\":\\[\\{[^}]*\"result\":\"pass\".*")
                        || !report.matches("(?s).*\"spf\":\\{[^}]*\"result\":\"pass\".*")) {
                    throw new IllegalStateException("setup broken: the report does not show DKIM and SPF pass: "
                            + report.substring(0, Math.min(600, report.length())));
                }
                com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean();
                // -Dbench.jfr=FILE records only the measured part (JFR's "profile" settings)
                jdk.jfr.Recording jfr = null;
                if (System.getProperty("bench.jfr") != null) {
                    jfr = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
                    jfr.setDestination(Path.of(System.getProperty("bench.jfr")));
                    jfr.start();
                }
                long before = receiver.analysedCount();
                long storedBefore = store.received().count();
                String load0 = loadAverage();
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                send(receiver.port(), eml, to, messages, sessions);
                long accepted = System.nanoTime();
                waitAnalysed(receiver, before + messages);
                long t1 = System.nanoTime();
                double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
                if (jfr != null) {
                    jfr.stop();
                    jfr.close();
                }
                double wall = (t1 - t0) / 1e9;
                long stored = store.received().count() - storedBefore;
                System.out.printf(Locale.ROOT, "receiver end to end: %d messages (%d bytes, DKIM RSA-2048), %d "
                                + "smtp-source sessions; stored %d; accepted in %.1f s, all analysed in %.1f s wall = "
                                + "%.0f msg/s wall; receiver process CPU %.1f s = %.0f messages per CPU-second "
                                + "(%.2f ms CPU each); load before %s, after %s; %d cores%n",
                        messages, Files.size(eml), sessions, stored, (accepted - t0) / 1e9, wall, messages / wall, cpu,
                        messages / cpu, cpu * 1000 / messages, load0, loadAverage(),
                        Runtime.getRuntime().availableProcessors());
                if (stored != messages) {
                    throw new IllegalStateException("stored " + stored + " of " + messages);
                }
            }
        }
    }

    static void send(int port, Path eml, String to, int messages, int sessions) throws IOException,
            InterruptedException {
        Process p = new ProcessBuilder("smtp-source", "-d", "-s", String.valueOf(sessions), "-m",
                String.valueOf(messages), "-F", eml.toString(), "-f", "alice@good.test", "-t", to, "-M",
                "mx.good.test", "127.0.0.1:" + port).inheritIO().start();
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("smtp-source failed: " + p.exitValue());
        }
    }

    static void waitAnalysed(DeliverabilityReceiver r, long n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        while (r.analysedCount() < n) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("analysed " + r.analysedCount() + " of " + n);
            }
            Thread.sleep(5);
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }
}
