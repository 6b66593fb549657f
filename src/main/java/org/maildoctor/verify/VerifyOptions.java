package org.maildoctor.verify;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the verifier behaves (immutable; {@link #defaults()} then {@code with…}).
 *
 * @param allowPrivate      probe mail hosts with private/loopback/reserved addresses (tests only)
 * @param greylistDelays    waits before each retry of a 4xx-answered address; their sum is the budget
 * @param rcptsPerTransaction RSET after this many RCPTs (stays under servers' recipient limits)
 * @param errorsPerSession  reconnect after this many rejected RCPTs: servers slow down or hang up on
 *                          clients with many errors (Postfix: smtpd_soft_error_limit 10)
 * @param perHostConcurrency sessions at once per MX host
 * @param globalConcurrency  sessions at once overall
 * @param catchAllProbe     ask for a random address once per domain to detect catch-all domains
 * @param transcript        keep each address's SMTP conversation in its result
 * @param rateLimits        RCPTs per second per recipient domain and overall
 */
public record VerifyOptions(boolean allowPrivate, List<Duration> greylistDelays, int rcptsPerTransaction,
                            int errorsPerSession, int perHostConcurrency, int globalConcurrency,
                            boolean catchAllProbe, boolean transcript, RateLimits rateLimits) {

    public VerifyOptions {
        greylistDelays = List.copyOf(greylistDelays);
        Objects.requireNonNull(rateLimits, "rateLimits");
        if (rcptsPerTransaction < 1 || errorsPerSession < 1 || perHostConcurrency < 1 || globalConcurrency < 1) {
            throw new IllegalArgumentException("limits must be at least 1");
        }
    }

    /** Greylisting retries after 5 s, 15 s and 40 s (one minute in all); see docs/cli-verify.md. */
    public static VerifyOptions defaults() {
        return new VerifyOptions(false, List.of(Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(40)),
                50, 8, 4, 64, true, false, RateLimits.defaults());
    }

    public VerifyOptions withAllowPrivate(boolean allow) {
        return new VerifyOptions(allow, greylistDelays, rcptsPerTransaction, errorsPerSession, perHostConcurrency,
                globalConcurrency, catchAllProbe, transcript, rateLimits);
    }

    public VerifyOptions withGreylistDelays(List<Duration> delays) {
        return new VerifyOptions(allowPrivate, delays, rcptsPerTransaction, errorsPerSession, perHostConcurrency,
                globalConcurrency, catchAllProbe, transcript, rateLimits);
    }

    /**
     * Backoff that doubles from {@code first} until the waits add up to {@code budget}; an empty list
     * (no retry) for a zero budget.
     */
    public static List<Duration> backoff(Duration first, Duration budget) {
        Objects.requireNonNull(first);
        List<Duration> out = new java.util.ArrayList<>();
        Duration total = Duration.ZERO;
        Duration next = first;
        while (!budget.isZero() && total.plus(next).compareTo(budget) <= 0) {
            out.add(next);
            total = total.plus(next);
            next = next.multipliedBy(2);
        }
        return out;
    }

    public VerifyOptions withSessionLimits(int rcptsPerTransaction, int errorsPerSession) {
        return new VerifyOptions(allowPrivate, greylistDelays, rcptsPerTransaction, errorsPerSession, perHostConcurrency,
                globalConcurrency, catchAllProbe, transcript, rateLimits);
    }

    public VerifyOptions withConcurrency(int perHost, int global) {
        return new VerifyOptions(allowPrivate, greylistDelays, rcptsPerTransaction, errorsPerSession, perHost, global,
                catchAllProbe, transcript, rateLimits);
    }

    public VerifyOptions withCatchAllProbe(boolean probe) {
        return new VerifyOptions(allowPrivate, greylistDelays, rcptsPerTransaction, errorsPerSession, perHostConcurrency,
                globalConcurrency, probe, transcript, rateLimits);
    }

    public VerifyOptions withTranscript(boolean keep) {
        return new VerifyOptions(allowPrivate, greylistDelays, rcptsPerTransaction, errorsPerSession, perHostConcurrency,
                globalConcurrency, catchAllProbe, keep, rateLimits);
    }

    public VerifyOptions withRateLimits(RateLimits limits) {
        return new VerifyOptions(allowPrivate, greylistDelays, rcptsPerTransaction, errorsPerSession, perHostConcurrency,
                globalConcurrency, catchAllProbe, transcript, limits);
    }
}
