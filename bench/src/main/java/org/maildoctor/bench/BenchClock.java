package org.maildoctor.bench;

import java.lang.management.ManagementFactory;

/**
 * The clock of the side-by-side loops: wall time by default; this thread's CPU time when the
 * environment says {@code BENCH_CLOCK=cpu} (the Python drivers then use {@code time.process_time}),
 * so that a run on the shared, overloaded machine still compares the work each side needs.
 * {@code BENCH_CLOCK=proc} counts the whole JVM's CPU time instead (GC and JIT threads included),
 * which is what {@code time.process_time} counts for the single-threaded Python peer: the stricter
 * like-for-like figure.
 */
final class BenchClock {
    static final String MODE = System.getenv("BENCH_CLOCK");
    static final boolean CPU = "cpu".equals(MODE);
    static final boolean PROCESS = "proc".equals(MODE);

    private BenchClock() {
    }

    static long nanos() {
        if (PROCESS && ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return CPU ? ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() : System.nanoTime();
    }
}
