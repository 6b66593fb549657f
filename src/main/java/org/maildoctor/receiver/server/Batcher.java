package org.maildoctor.receiver.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hands items to {@code writer} in batches on one thread: whatever arrived while the previous batch
 * was being written goes into the next one (group commit). A quiet receiver thus writes each item at
 * once, and a busy one pays one database commit for many messages instead of one each.
 */
final class Batcher<T> implements AutoCloseable {
    private static final int MAX_BATCH = 256;

    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Object stop = new Object();
    private final Consumer<List<T>> writer;
    private final Thread thread;

    /** {@code writer} must not throw: it settles every item itself (complete or fail each one). */
    Batcher(String name, Consumer<List<T>> writer) {
        this.writer = writer;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    void add(T item) {
        queue.add(item);
    }

    /** Writes what is queued, then stops. */
    @Override
    public void close() {
        queue.add(stop);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unchecked")
    private void run() {
        List<Object> taken = new ArrayList<>(MAX_BATCH);
        boolean stopping = false;
        while (!stopping) {
            try {
                taken.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(taken, MAX_BATCH - 1);
            stopping = taken.remove(stop);
            if (!taken.isEmpty()) {
                writer.accept((List<T>) List.copyOf(taken));
            }
            taken.clear();
        }
    }
}
