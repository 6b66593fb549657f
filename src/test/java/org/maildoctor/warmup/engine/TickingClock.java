package org.maildoctor.warmup.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that runs at normal speed from a simulated instant and that a test can move forward. It
 * must tick: db-scheduler waits between polls on the clock it is given, so a frozen clock stops it.
 */
final class TickingClock extends Clock {
    private volatile Instant base;
    private volatile long baseNanos;

    TickingClock(Instant start) {
        this.base = start;
        this.baseNanos = System.nanoTime();
    }

    synchronized void advance(Duration d) {
        base = instant().plus(d);
        baseNanos = System.nanoTime();
    }

    @Override
    public Instant instant() {
        return base.plusNanos(System.nanoTime() - baseNanos);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
