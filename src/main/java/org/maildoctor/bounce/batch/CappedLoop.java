package org.maildoctor.bounce.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * Runs a read-compute-emit loop with a time cap on each compute step, without a hand-over per item:
 * the whole loop runs on one worker thread while the calling thread watches the clock. When an item
 * overruns, the watcher reports it ({@link Steps#timedOut}), abandons the worker (a Java thread
 * cannot be stopped safely; it is a daemon and drops its late result) and starts a new worker that
 * continues with the next item. So the cost per item is two uncontended locks. Workers run on a
 * shared pool of daemon threads, so a directory of small files does not start a thread per file,
 * and an abandoned worker's thread returns to the pool once its late item ends.
 *
 * <p>Reads ({@link Steps#next}) and emits ({@link Steps#emit}, {@link Steps#timedOut}) happen under
 * one lock and only by the current worker (or the watcher), so they need no thread safety of their own.
 */
final class CappedLoop {

    /** The three parts of the loop. */
    interface Steps<T, R> {
        /** The next item, or null at the end. Not capped (a slow stdin is not a slow message). */
        T next() throws IOException;

        /** The capped part; must not touch shared state. */
        R compute(T item);

        void emit(T item, R result);

        void timedOut(T item, Duration cap);
    }

    private static final java.util.concurrent.ExecutorService THREADS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "bounce-batch");
        t.setDaemon(true);
        return t;
    });

    private CappedLoop() {
    }

    /**
     * What a loop run by {@link #runWatched} shows its watcher: when the current item's compute step
     * started (0 between items), and whether the watcher gave up on the loop.
     */
    static final class Watch {
        volatile long started;
        volatile boolean abandoned;

        /** Whether the current item has run longer than {@code capNanos}. */
        boolean overrun(long capNanos) {
            long s = started;
            return s != 0 && System.nanoTime() - s > capNanos;
        }
    }

    /** Thrown out of {@link #runWatched} when its watcher has abandoned it. */
    static final class Abandoned extends RuntimeException {
        Abandoned() {
            super("abandoned after the time cap", null, false, false);
        }
    }

    /**
     * The loop on the calling thread, with no hand-over at all: for a caller whose work someone else
     * watches through {@code watch} and redoes when it overruns (a read-ahead input, see
     * {@code BounceBatch.readAll}). After an abandoned item it stops with {@link Abandoned}.
     */
    static <T, R> void runWatched(Steps<T, R> steps, Watch watch) throws IOException {
        while (true) {
            T item = steps.next();
            if (item == null) {
                return;
            }
            watch.started = System.nanoTime();
            R r = steps.compute(item);
            watch.started = 0;
            if (watch.abandoned) {
                throw new Abandoned();
            }
            steps.emit(item, r);
        }
    }

    /** {@link #runWatched} when {@code watch} is given, else {@link #run(Steps, Duration)}. */
    static <T, R> void run(Steps<T, R> steps, Duration cap, Watch watch) throws IOException {
        if (watch != null) {
            runWatched(steps, watch);
        } else {
            run(steps, cap);
        }
    }

    static <T, R> void run(Steps<T, R> steps, Duration cap) throws IOException {
        long capNanos = cap.toNanos();
        long poll = Math.max(1, Math.min(100, cap.toMillis() / 4));
        Object lock = new Object();
        Worker<T, R> w = new Worker<>(steps, lock);
        THREADS.execute(w);
        synchronized (lock) {
            while (!w.done) {
                try {
                    lock.wait(poll);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    w.abandoned = true;
                    throw new IOException("interrupted");
                }
                if (!w.done && w.current != null && System.nanoTime() - w.started > capNanos) {
                    w.abandoned = true;
                    steps.timedOut(w.current, cap);
                    w = new Worker<>(steps, lock);
                    THREADS.execute(w);
                }
            }
            if (w.failure instanceof IOException e) {
                throw e;
            }
            if (w.failure instanceof RuntimeException e) {
                throw e;
            }
            if (w.failure instanceof Error e) {
                throw e;
            }
        }
    }

    private static final class Worker<T, R> implements Runnable {
        private final Steps<T, R> steps;
        private final Object lock;
        // guarded by lock
        T current;
        long started;
        boolean done;
        boolean abandoned;
        Throwable failure;

        Worker(Steps<T, R> steps, Object lock) {
            this.steps = steps;
            this.lock = lock;
        }

        @Override
        public void run() {
            try {
                while (true) {
                    T item;
                    synchronized (lock) {
                        if (abandoned) {
                            return;
                        }
                        item = steps.next();
                        if (item == null) {
                            finish(null);
                            return;
                        }
                        current = item;
                        started = System.nanoTime();
                    }
                    R r = steps.compute(item);
                    synchronized (lock) {
                        if (abandoned) {
                            return; // the watcher already reported this item as timed out
                        }
                        current = null;
                        steps.emit(item, r);
                    }
                }
            } catch (IOException | RuntimeException | Error e) {
                synchronized (lock) {
                    if (!abandoned) {
                        finish(e instanceof UncheckedIOException u ? u.getCause() : e);
                    }
                }
            }
        }

        private void finish(Throwable t) {
            failure = t;
            done = true;
            lock.notifyAll();
        }
    }
}
