package org.maildoctor.verify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Enforces {@link RateLimits} with token buckets (per domain and global). Hand-written rather than
 * Bucket4j: ~40 lines, and it must wait through the injected {@link Sleeper} and {@link Clock} so
 * tests run on a fake clock. A caller takes its permits at once and sleeps off any debt outside
 * the lock, so waiting callers are served in arrival order.
 */
final class RcptThrottle {
    private final RateLimits limits;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Bucket global;
    private final Map<String, Bucket> perDomain = new ConcurrentHashMap<>();

    RcptThrottle(RateLimits limits, Clock clock, Sleeper sleeper) {
        this.limits = limits;
        this.clock = clock;
        this.sleeper = sleeper;
        this.global = limits.globalPerSecond() > 0 ? new Bucket(limits.globalPerSecond(), clock.instant()) : null;
    }

    /** Waits until {@code n} RCPTs to {@code domain} may be sent. */
    void acquire(String domain, int n) throws InterruptedException {
        Duration wait = Duration.ZERO;
        Instant now = clock.instant();
        if (limits.perDomainPerSecond() > 0) {
            wait = perDomain.computeIfAbsent(domain, d -> new Bucket(limits.perDomainPerSecond(), now)).take(n, now);
        }
        if (global != null) {
            Duration g = global.take(n, now);
            wait = g.compareTo(wait) > 0 ? g : wait;
        }
        if (!wait.isZero()) {
            sleeper.sleep(wait);
        }
    }

    /** Tokens refill at {@code rate} per second up to one second's worth; may go into debt. */
    private static final class Bucket {
        private final double rate;
        private final double capacity;
        private double tokens;
        private Instant last;

        Bucket(double rate, Instant now) {
            this.rate = rate;
            this.capacity = Math.max(1, rate);
            this.tokens = capacity;
            this.last = now;
        }

        synchronized Duration take(int n, Instant now) {
            if (now.isAfter(last)) {
                tokens = Math.min(capacity, tokens + Duration.between(last, now).toNanos() / 1e9 * rate);
                last = now;
            }
            tokens -= n;
            return tokens >= 0 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil(-tokens / rate * 1e9));
        }
    }
}
