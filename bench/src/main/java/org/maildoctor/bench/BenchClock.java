package org.maildoctor.bench;

import java.lang.management.ManagementFactory;

/**
 * The clock of the side-by-side loops: wall time by default; this thread's CPU time when the
 * environment says {@code BENCH_CLOCK=cpu} (the Python drivers then use {@code time.process_time}),
 * so that a run on the shared, overloaded machine still compares the work each side needs.
 */
final class BenchClock {
    static final boolean CPU = "cpu".equals(System.getenv("BENCH_CLOCK"));

    private BenchClock() {
    }

    static long nanos() {
        return CPU ? ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() : System.nanoTime();
    }
}
