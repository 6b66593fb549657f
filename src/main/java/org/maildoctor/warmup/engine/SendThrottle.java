package org.maildoctor.warmup.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.maildoctor.warmup.MailboxProvider;

/**
 * Token buckets per account and per provider on the instants the caller passes (the scheduler's
 * clock). Never blocks: a send without a token is told when to come back and is rescheduled, so no
 * scheduler thread sleeps. Hand-written (as in verify's throttle) because it must run on the
 * injected clock; buckets are per node, which the per-provider rate accounts for.
 */
public final class SendThrottle {
    private final SendLimits limits;
    private final Map<String, Bucket> accounts = new ConcurrentHashMap<>();
    private final Map<MailboxProvider, Bucket> providers = new ConcurrentHashMap<>();

    public SendThrottle(SendLimits limits) {
        this.limits = limits;
    }

    /**
     * Takes one token from the account's and the provider's bucket, or none: ZERO when the send may
     * go now, else how long until both buckets have a token.
     */
    public Duration acquire(String account, MailboxProvider provider, Instant now) {
        Bucket a = accounts.computeIfAbsent(account, k -> new Bucket(limits.perAccountPerMinute(), limits.accountBurst(), now));
        Double providerRate = limits.perProviderPerMinute().get(provider);
        Bucket p = providerRate == null ? null
                : providers.computeIfAbsent(provider, k -> new Bucket(providerRate, limits.providerBurst(), now));
        // lock order account → provider everywhere, so two sends never deadlock
        synchronized (a) {
            Duration waitA = a.waitFor(now);
            if (p == null) {
                if (waitA.isZero()) {
                    a.take();
                }
                return waitA;
            }
            synchronized (p) {
                Duration waitP = p.waitFor(now);
                Duration wait = waitA.compareTo(waitP) >= 0 ? waitA : waitP;
                if (wait.isZero()) {
                    a.take();
                    p.take();
                }
                return wait;
            }
        }
    }

    private static final class Bucket {
        private final double perSecond;
        private final double capacity;
        private double tokens;
        private Instant last;

        Bucket(double perMinute, int burst, Instant now) {
            this.perSecond = perMinute / 60;
            this.capacity = burst;
            this.tokens = burst;
            this.last = now;
        }

        Duration waitFor(Instant now) {
            if (now.isAfter(last)) {
                tokens = Math.min(capacity, tokens + Duration.between(last, now).toNanos() / 1e9 * perSecond);
                last = now;
            }
            return tokens >= 1 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil((1 - tokens) / perSecond * 1e9));
        }

        void take() {
            tokens -= 1;
        }
    }
}
