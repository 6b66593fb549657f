package org.maildoctor.bounce.batch;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a batch of bounces adds up to.
 *
 * @param messages    messages (and log lines) read
 * @param bounces     of those, the ones that gave results
 * @param notBounces  readable messages that are no bounce
 * @param undecodable messages that could not be read (each also reported as a warning)
 * @param results     per-recipient results
 * @param byReason    results per Sisimai reason, most first
 * @param byDomain    results per recipient domain, most first
 * @param byProvider  results per mailbox provider, most first
 * @param suppression the hard-bounced addresses, one entry each, sorted
 * @param rate        present when the number of messages sent was given
 */
public record SummaryReport(long messages, long bounces, long notBounces, long undecodable, long results, long hard,
        Map<String, Long> byReason, Map<String, Long> byDomain, Map<String, Long> byProvider,
        List<SuppressionEntry> suppression, Optional<BounceRate> rate, List<Cluster> clusters) {

    public SummaryReport {
        byReason = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byReason));
        byDomain = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byDomain));
        byProvider = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byProvider));
        suppression = List.copyOf(suppression);
        clusters = List.copyOf(clusters);
    }
}
