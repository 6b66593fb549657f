package org.maildoctor.verify;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * The per-MX-host session limit: a session holds one of the host's slots while it is open. In one
 * process {@link #inMemory}; shared by every node of a cluster through the database with
 * {@code verify.jdbc.JdbcHostSlots}.
 */
@FunctionalInterface
public interface HostSlots {

    /** Waits for a free slot of {@code host}; closing the returned slot frees it. */
    Slot acquire(String host) throws InterruptedException;

    @FunctionalInterface
    interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    /** {@code perHost} sessions at once per host, in this process only. */
    static HostSlots inMemory(int perHost) {
        Map<String, Semaphore> hosts = new ConcurrentHashMap<>();
        return host -> {
            Semaphore s = hosts.computeIfAbsent(host, h -> new Semaphore(perHost));
            s.acquire();
            return s::release;
        };
    }
}
