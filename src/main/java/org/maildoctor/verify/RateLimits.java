package org.maildoctor.verify;

/**
 * RCPT rate limits (RCPTs per second, 0 = no limit): per recipient domain, so one provider is not
 * hammered however its MX hosts are named, and overall, so the tool cannot be turned into an
 * address-harvesting instrument. Burst: one second's worth. See docs/cli-verify.md.
 */
public record RateLimits(double perDomainPerSecond, double globalPerSecond) {
    public static final RateLimits NONE = new RateLimits(0, 0);

    public RateLimits {
        if (!(perDomainPerSecond >= 0) || !(globalPerSecond >= 0)
                || Double.isInfinite(perDomainPerSecond) || Double.isInfinite(globalPerSecond)) {
            throw new IllegalArgumentException("rate limits must be finite and at least 0");
        }
    }

    /** 20 RCPTs/s per domain, 2,000 RCPTs/s overall: polite to one provider, fast over many. */
    public static RateLimits defaults() {
        return new RateLimits(20, 2_000);
    }
}
