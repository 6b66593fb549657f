package org.maildoctor.receiver.server;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * New connections per client IP in a sliding one-minute window (a fixed window per IP, reset after a
 * minute: simple, and a burst at a window edge can at most double the rate).
 */
final class RateLimiter {
    private record Window(long startMillis, int count) {
    }

    private final int perMinute;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    RateLimiter(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    boolean allow(String ip) {
        long now = clock.millis();
        Window w = windows.compute(ip, (k, old) -> old == null || now - old.startMillis() >= 60_000
                ? new Window(now, 1) : new Window(old.startMillis(), old.count() + 1));
        if (windows.size() > 100_000) {
            windows.entrySet().removeIf(e -> now - e.getValue().startMillis() >= 60_000);
        }
        return w.count() <= perMinute;
    }
}
