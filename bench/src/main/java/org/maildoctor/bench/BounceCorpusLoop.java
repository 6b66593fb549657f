package org.maildoctor.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.maildoctor.bounce.BounceParser;
import org.maildoctor.bounce.ParseOutcome;

/**
 * The bounce corpus parsed in a loop in-process, timed by wall clock AND by this thread's CPU time.
 * On the shared 2-core machine the JMH score (wall clock) falls with the load other people put on it;
 * CPU time per message is what one core needs, whatever else runs. Same message set as
 * {@link BounceParseBenchmark}.
 *
 * <p>Usage: {@code BounceCorpusLoop CORPUS_DIR [warmupRounds] [rounds]}.
 */
public final class BounceCorpusLoop {
    public static void main(String[] args) {
        List<byte[]> messages = BounceParseBenchmark.load(Path.of(args[0]));
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        BounceParser parser = BounceParser.standard();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int r = 0; r < warmup; r++) {
            for (byte[] m : messages) {
                sink += parser.parse(m) instanceof ParseOutcome.Bounces ? 1 : 0;
            }
        }
        long cpu0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (byte[] m : messages) {
                sink += parser.parse(m) instanceof ParseOutcome.Bounces ? 1 : 0;
            }
        }
        long wall = System.nanoTime() - t0;
        long cpu = mx.getCurrentThreadCpuTime() - cpu0;
        long n = (long) rounds * messages.size();
        System.out.printf(Locale.ROOT, "maildoctor bounce corpus: %d messages x %d rounds: wall %.1f us/message (%.0f/s), "
                        + "thread CPU %.1f us/message (%.0f/s on one core)  (sink %d)%n", messages.size(), rounds,
                wall / 1e3 / n, n / (wall / 1e9), cpu / 1e3 / n, n / (cpu / 1e9), sink);
    }
}
