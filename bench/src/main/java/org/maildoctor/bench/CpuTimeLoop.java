package org.maildoctor.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The JMH benchmarks' operations in a plain loop, scored per second of this thread's CPU time as
 * well as per second of wall time. JMH scores wall-clock throughput, which on the shared 2-core
 * machine falls with whatever else is runnable (load averages of 15-20 were seen); "on one core"
 * targets are better read from CPU time. The same setup code as the JMH classes is used.
 *
 * <p>Usage: {@code CpuTimeLoop spf|dkim|bounce [warmupSeconds] [measureCpuSeconds]}.
 */
public final class CpuTimeLoop {
    public static void main(String[] args) {
        String what = args[0];
        double warmup = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        double measure = args.length > 2 ? Double.parseDouble(args[2]) : 20;
        Supplier<Object> op = switch (what) {
            case "spf" -> {
                SpfCheckHostBenchmark b = new SpfCheckHostBenchmark();
                b.setUp();
                yield b::checkHostWarmCache;
            }
            case "dkim" -> {
                DkimVerifyBenchmark b = new DkimVerifyBenchmark();
                b.setUp();
                yield b::verify10kRsa2048;
            }
            case "bounce" -> {
                BounceParseBenchmark b = new BounceParseBenchmark();
                b.corpus = args.length > 3 ? args[3] : "src/test/resources/corpora/bounces";
                b.setUp();
                yield b::parseNextMessage;
            }
            default -> throw new IllegalArgumentException("spf, dkim or bounce: " + what);
        };
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sink = run(op, mx, (long) (warmup * 1e9))[2];
        long[] r = run(op, mx, (long) (measure * 1e9));
        System.out.printf(Locale.ROOT, "%s: %d ops in %.1f s CPU / %.1f s wall: %.0f ops per CPU-second, %.0f ops per "
                + "wall-second (sink %d)%n", what, r[2], r[0] / 1e9, r[1] / 1e9, r[2] / (r[0] / 1e9), r[2] / (r[1] / 1e9),
                sink + r[3]);
    }

    /** {cpuNanos, wallNanos, ops, sink}: runs until {@code cpuBudget} nanoseconds of thread CPU time are used. */
    private static long[] run(Supplier<Object> op, ThreadMXBean mx, long cpuBudget) {
        long cpu0 = mx.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        long ops = 0;
        long sink = 0;
        long cpu;
        do {
            for (int i = 0; i < 256; i++) {
                sink += op.get() == null ? 1 : 0; // not hashCode(): a record hashes all it holds
            }
            ops += 256;
            cpu = mx.getCurrentThreadCpuTime() - cpu0;
        } while (cpu < cpuBudget);
        return new long[] {cpu, System.nanoTime() - wall0, ops, sink};
    }
}
