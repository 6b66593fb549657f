package org.maildoctor.transport.mtasts;

import java.util.List;
import java.util.Objects;

/**
 * A valid MTA-STS policy (RFC 8461 §3.2): {@code version: STSv1}, the mode, the MX patterns and
 * {@code max_age} in seconds.
 */
public record MtaStsPolicy(Mode mode, List<MxPattern> mx, long maxAge) {
    /** RFC 8461 §3.2: max_age is at most 31557600 seconds (about one year). */
    public static final long MAX_AGE_LIMIT = 31_557_600L;
    /** §3.2 recommends values "in weeks or greater". */
    public static final long RECOMMENDED_MIN_AGE = 604_800L;

    public MtaStsPolicy {
        Objects.requireNonNull(mode);
        mx = List.copyOf(mx);
    }

    /** Whether the MX host matches any pattern (§4.1). */
    public boolean allows(String mxHost) {
        return mx.stream().anyMatch(p -> p.matches(mxHost));
    }
}
