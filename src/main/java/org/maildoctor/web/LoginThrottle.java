package org.maildoctor.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing on an exposed login form: after {@link #MAX_FAILURES} failures from one
 * client address within {@link #WINDOW}, further attempts are refused until the oldest ages out.
 */
final class LoginThrottle {
    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(5);
    /** Bounds memory if many addresses fail; beyond it the oldest-keyed entries are simply dropped. */
    private static final int MAX_CLIENTS = 10_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** True when this client may try a password now. */
    boolean allowed(String client) {
        Deque<Instant> recent = failures.get(client);
        if (recent == null) {
            return true;
        }
        synchronized (recent) {
            prune(recent);
            return recent.size() < MAX_FAILURES;
        }
    }

    void failed(String client) {
        if (failures.size() >= MAX_CLIENTS) {
            failures.clear();
        }
        Deque<Instant> recent = failures.computeIfAbsent(client, k -> new ArrayDeque<>());
        synchronized (recent) {
            prune(recent);
            recent.addLast(clock.instant());
        }
    }

    void succeeded(String client) {
        failures.remove(client);
    }

    private void prune(Deque<Instant> recent) {
        Instant cutoff = clock.instant().minus(WINDOW);
        while (!recent.isEmpty() && recent.peekFirst().isBefore(cutoff)) {
            recent.removeFirst();
        }
    }
}
