package org.maildoctor.bench;

import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.maildoctor.receiver.score.BlocklistLookup;
import org.maildoctor.receiver.score.Envelope;
import org.maildoctor.receiver.score.MessageAnalyzer;
import org.maildoctor.report.ScoreCardJson;

/**
 * The receiver's analysis alone (issue 7 part 6: "accepts and fully analyses >= 300 messages/s with
 * DNS cached"): a 3.5 KB DKIM-signed (RSA-2048) message scored again and again with every DNS answer
 * in memory, on 1 and on 2 threads, JSON report included. Usage: {@code AnalyzerLoop [seconds]}.
 */
public final class AnalyzerLoop {
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        NewsletterFixture fixture = new NewsletterFixture();
        MapZone zone = fixture.zone;
        byte[] msg = fixture.signed("t@deliverability.example");
        MessageAnalyzer analyzer = new MessageAnalyzer(zone, Clock.systemUTC(), BlocklistLookup.NONE, "maildoctor");
        Envelope env = new Envelope(InetAddress.getByName("127.0.0.1"), "mx.good.test", "alice@good.test",
                List.of("t@deliverability.example"), true);
        var card = analyzer.analyze(msg, env).join();
        if (!card.dkim().getFirst().verdict().word().equals("pass") || !card.spf().result().keyword().equals("pass")) {
            throw new IllegalStateException("setup broken: " + card.authenticationResults());
        }
        for (int threads : new int[] {1, 2}) {
            run(analyzer, msg, env, threads, Math.max(2, seconds / 3)); // warm-up
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long n = run(analyzer, msg, env, threads, seconds);
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            System.out.printf(Locale.ROOT, "analyze (DNS in memory, %d bytes, RSA-2048 DKIM, JSON report): %d thread(s): "
                    + "%.0f messages/s wall clock, %.0f messages per process CPU-second%n", msg.length, threads,
                    n / (double) seconds, n / cpu);
        }
    }

    static long run(MessageAnalyzer analyzer, byte[] msg, Envelope env, int threads, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<Long>> fs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            fs.add(pool.submit(() -> {
                long n = 0;
                while (System.nanoTime() < end) {
                    var card = analyzer.analyze(msg, env).join();
                    if (ScoreCardJson.toMap(card).isEmpty()) {
                        throw new IllegalStateException();
                    }
                    n++;
                }
                return n;
            }));
        }
        long total = 0;
        for (Future<Long> f : fs) {
            total += f.get();
        }
        pool.shutdown();
        return total;
    }
}
