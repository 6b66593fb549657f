package org.maildoctor.bounce.batch;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.maildoctor.bounce.BounceResult;
import org.maildoctor.bounce.ParseOutcome;
import org.maildoctor.smtp.EnhancedStatus;
import org.maildoctor.smtp.Reason;

/**
 * Adds up a batch as it streams past: counts by reason, recipient domain and provider, the hard
 * bounces as a suppression list, and the refusal bursts ({@link ClusterDetector}). Pure and
 * single-threaded; memory grows with distinct recipients and domains, not with messages.
 */
public final class BatchSummary {

    /** Not failures: a complaint, an auto-reply, a delivery report. */
    private static final Set<Reason> NOT_FAILURES = Set.of(Reason.FEEDBACK, Reason.VACATION, Reason.DELIVERED);
    private static final Set<String> NOT_FAILED_ACTIONS = Set.of("delayed", "delivered", "relayed", "expanded");
    private static final int DIAGNOSTIC_CHARS = 300;

    private final ClusterDetector clusters;
    private long messages;
    private long bounces;
    private long notBounces;
    private long undecodable;
    private long results;
    private final Map<Reason, Long> byReason = new HashMap<>();
    private final Map<String, Long> byDomain = new HashMap<>();
    private final Map<String, Long> byProvider = new HashMap<>();
    private final Map<String, SuppressionEntry> suppression = new TreeMap<>();
    private final Map<String, Boolean> failed = new HashMap<>();

    public BatchSummary(ClusterDetector clusters) {
        this.clusters = clusters;
    }

    public BatchSummary() {
        this(ClusterDetector.standard());
    }

    /** Counts one message (or log line) by what it turned out to be. */
    public void message(ParseOutcome o) {
        messages++;
        switch (o) {
            case ParseOutcome.Bounces b -> bounces++;
            case ParseOutcome.NotABounce n -> notBounces++;
            case ParseOutcome.Undecodable u -> undecodable++;
        }
    }

    /** Adds one result; {@code at} is when the refusal happened, when the bounce says. */
    public void result(BounceResult r, Optional<Instant> at, String file) {
        results++;
        String domain = Providers.domainOf(r.recipient());
        byReason.merge(r.reason(), 1L, Long::sum);
        byDomain.merge(domain.isEmpty() ? "(none)" : domain, 1L, Long::sum);
        byProvider.merge(Providers.of(domain, r.remoteMta()), 1L, Long::sum);
        String key = r.recipient().toLowerCase(Locale.ROOT);
        if (isFailure(r) && !key.isEmpty()) {
            failed.merge(key, r.hard(), Boolean::logicalOr);
        }
        if (r.hard() && !key.isEmpty()) {
            String d = r.diagnostic().replaceAll("\\s+", " ").trim();
            suppression.put(key, new SuppressionEntry(key, r.reason().code(),
                    r.status().map(EnhancedStatus::toString).orElse(""),
                    d.length() > DIAGNOSTIC_CHARS ? d.substring(0, DIAGNOSTIC_CHARS) : d,
                    at.map(Instant::toString).orElse(""), file));
        }
        r.status().ifPresent(s -> clusters.add(domain, s, r.recipient(), at, r.diagnostic()));
    }

    static boolean isFailure(BounceResult r) {
        return !NOT_FAILURES.contains(r.reason()) && !NOT_FAILED_ACTIONS.contains(r.action().toLowerCase(Locale.ROOT));
    }

    public SummaryReport report(OptionalLong sent) {
        long hardRecipients = failed.values().stream().filter(h -> h).count();
        Optional<BounceRate> rate = sent.isPresent()
                ? Optional.of(BounceRate.of(sent.getAsLong(), failed.size(), hardRecipients))
                : Optional.empty();
        Map<String, Long> reasons = new HashMap<>();
        byReason.forEach((k, v) -> reasons.put(k.code(), v));
        return new SummaryReport(messages, bounces, notBounces, undecodable, results, suppression.size(),
                mostFirst(reasons), mostFirst(byDomain), mostFirst(byProvider), List.copyOf(suppression.values()),
                rate, clusters.clusters());
    }

    private static Map<String, Long> mostFirst(Map<String, Long> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
