package org.maildoctor.bounce.batch;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.maildoctor.bounce.BounceParser;
import org.maildoctor.bounce.ParseOutcome;

/**
 * Runs {@link BounceParser#parse(byte[])} with a per-message time cap, so one pathological message
 * (say, a regular expression that backtracks without end) cannot stall a batch. The parse runs on
 * one long-lived worker thread, reused for every message; the caller waits up to the cap. A worker
 * that overruns is abandoned (a Java thread cannot be stopped safely; it is a daemon, its late
 * answer is dropped) and a fresh one takes the next message, so threads are created only on
 * overruns, never per message. Not thread-safe: one caller at a time.
 */
public final class TimeCappedParser implements AutoCloseable {

    public static final Duration DEFAULT_CAP = Duration.ofSeconds(10);

    private final BounceParser parser;
    private final long capNanos;
    private Worker worker;
    private long overruns;

    public TimeCappedParser(BounceParser parser, Duration cap) {
        if (cap.isNegative() || cap.isZero()) {
            throw new IllegalArgumentException("the time cap must be positive");
        }
        this.parser = parser;
        this.capNanos = cap.toNanos();
    }

    /** A result, "not a bounce", or {@code Undecodable("time limit ...")} when the cap was reached. */
    public ParseOutcome parse(byte[] message) {
        if (worker == null) {
            worker = new Worker(parser);
        }
        Worker w = worker;
        w.submit(message, Thread.currentThread());
        ParseOutcome o = w.await(capNanos);
        if (o == null) {
            w.abandon();
            worker = null;
            overruns++;
            return new ParseOutcome.Undecodable("time limit: parsing took longer than "
                    + TimeUnit.NANOSECONDS.toMillis(capNanos) + " ms; the message was skipped");
        }
        return o;
    }

    /** How many messages hit the cap so far (each left a thread running until it finishes). */
    public long overruns() {
        return overruns;
    }

    @Override
    public void close() {
        if (worker != null) {
            worker.abandon();
            worker = null;
        }
    }

    /** One thread that parses what it is handed; park/unpark keeps the hand-over to a few microseconds. */
    private static final class Worker implements Runnable {
        private final BounceParser parser;
        private final Thread thread;
        private volatile byte[] job;
        private volatile ParseOutcome result;
        private volatile Thread caller;
        private volatile boolean abandoned;

        Worker(BounceParser parser) {
            this.parser = parser;
            this.thread = Thread.ofPlatform().daemon().name("bounce-parse").unstarted(this);
            thread.start();
        }

        void submit(byte[] message, Thread from) {
            result = null;
            caller = from;
            job = message;
            LockSupport.unpark(thread);
        }

        ParseOutcome await(long capNanos) {
            long deadline = System.nanoTime() + capNanos;
            ParseOutcome o;
            while ((o = result) == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                LockSupport.parkNanos(this, left);
            }
            return o;
        }

        void abandon() {
            abandoned = true;
            LockSupport.unpark(thread);
        }

        @Override
        public void run() {
            while (!abandoned) {
                byte[] m = job;
                if (m == null) {
                    LockSupport.park(this);
                    continue;
                }
                job = null;
                ParseOutcome o;
                try {
                    o = parser.parse(m);
                } catch (RuntimeException | StackOverflowError e) {
                    o = new ParseOutcome.Undecodable("could not be read: " + e.getClass().getSimpleName());
                }
                if (!abandoned) {
                    result = o;
                    LockSupport.unpark(caller);
                }
            }
        }
    }
}
