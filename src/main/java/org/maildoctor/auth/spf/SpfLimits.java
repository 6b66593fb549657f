package org.maildoctor.auth.spf;

import java.time.Duration;

/**
 * The processing limits of RFC 7208 4.6.4 (and a wait cap for a resolver that never answers).
 *
 * @param maxDnsTerms        DNS-querying terms per evaluation (RFC: 10)
 * @param maxVoidLookups     NXDOMAIN/NODATA answers per evaluation (RFC: SHOULD be 2)
 * @param maxNamesPerLookup  MX names (more is permerror) and PTR names (the rest ignored) per term (RFC: 10)
 * @param maxWaitPerLookup   a lookup still unanswered after this is a timeout (temperror), whatever
 *                           the resolver does; the dnsjava resolver has its own shorter timeout
 */
public record SpfLimits(int maxDnsTerms, int maxVoidLookups, int maxNamesPerLookup, Duration maxWaitPerLookup) {
    public static final SpfLimits RFC7208 = new SpfLimits(10, 2, 10, Duration.ofSeconds(30));
}
