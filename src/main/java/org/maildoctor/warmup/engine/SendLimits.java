package org.maildoctor.warmup.engine;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.maildoctor.warmup.MailboxProvider;

/**
 * How fast one node may submit warm-up mail: per account and per provider, in messages per minute,
 * each with a burst. The daily volume comes from the plan; these limits only keep a backlog (after
 * downtime, or many sends due at once) from hitting a provider's short-term limits (421 "try later").
 * A provider without an entry is limited only per account.
 */
public record SendLimits(double perAccountPerMinute, int accountBurst, Map<MailboxProvider, Double> perProviderPerMinute,
                         int providerBurst) {
    public SendLimits {
        Objects.requireNonNull(perProviderPerMinute, "perProviderPerMinute");
        perProviderPerMinute = Map.copyOf(perProviderPerMinute);
        if (!(perAccountPerMinute > 0) || accountBurst < 1 || providerBurst < 1
                || perProviderPerMinute.values().stream().anyMatch(r -> !(r > 0))) {
            throw new IllegalArgumentException("send limits must be positive");
        }
    }

    /**
     * Defaults: an account sends at most 2 a minute (burst 3); all accounts of one hosted provider
     * together at most 60 a minute on this node, well under the published submission limits.
     */
    public static SendLimits defaults() {
        Map<MailboxProvider, Double> providers = new EnumMap<>(MailboxProvider.class);
        for (MailboxProvider p : MailboxProvider.values()) {
            if (p != MailboxProvider.CUSTOM) {
                providers.put(p, 60.0);
            }
        }
        return new SendLimits(2, 3, providers, 10);
    }

    /** No practical limit (benchmarks that measure the scheduler, not the throttle). */
    public static SendLimits unlimited() {
        return new SendLimits(1e9, 1_000_000, Map.of(), 1_000_000);
    }
}
