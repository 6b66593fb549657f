package org.maildoctor.blocklist;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.maildoctor.dns.DnsNames;
import org.maildoctor.dns.DnsResult;
import org.maildoctor.dns.RecordType;
import org.maildoctor.dns.Resolver;

/**
 * Checks a target against the catalogue. Every query of every list (A and TXT at the query name,
 * and the two sanity-probe points) starts at once, so a check takes one round trip plus the
 * slowest list, not their sum; each list is bounded by its own timeout.
 */
public final class BlocklistChecker {
    private final Catalogue catalogue;
    private final ListResolvers resolvers;
    private final Duration defaultTimeout;

    /**
     * @param defaultTimeout per list, for lists without a {@code timeout} of their own
     */
    public BlocklistChecker(Catalogue catalogue, ListResolvers resolvers, Duration defaultTimeout) {
        this.catalogue = Objects.requireNonNull(catalogue);
        this.resolvers = Objects.requireNonNull(resolvers);
        if (defaultTimeout.isNegative() || defaultTimeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        this.defaultTimeout = defaultTimeout;
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    /** Against every enabled list. */
    public CompletableFuture<BlocklistReport> check(Target target) {
        return check(target, List.of());
    }

    /**
     * Against the lists with these ids, or every enabled list when empty.
     *
     * @throws IllegalArgumentException for an unknown list id (before any query)
     */
    public CompletableFuture<BlocklistReport> check(Target target, Collection<String> listIds) {
        List<Blocklist> lists = catalogue.select(listIds);
        List<CompletableFuture<ListResult>> running = new ArrayList<>();
        List<BlocklistReport.Skipped> skipped = new ArrayList<>();
        for (Blocklist list : lists) {
            list.whyNotApplicable(target).ifPresentOrElse(
                    why -> skipped.add(new BlocklistReport.Skipped(list, why)),
                    () -> running.add(checkOne(list, target)));
        }
        return CompletableFuture.allOf(running.toArray(CompletableFuture[]::new))
                .thenApply(v -> new BlocklistReport(target, running.stream().map(CompletableFuture::join).toList(),
                        skipped));
    }

    private CompletableFuture<ListResult> checkOne(Blocklist list, Target target) {
        String query = target.queryName(list);
        if (query.length() > DnsNames.MAX_NAME_LENGTH) {
            return CompletableFuture.completedFuture(new ListResult(list, query, Verdict.UNKNOWN,
                    Optional.of(UnknownCause.NAME_TOO_LONG), List.of(), List.of(), Optional.empty(),
                    ProbeStatus.INCONCLUSIVE, "unknown: " + target.text() + " plus the zone " + list.zone()
                            + " is longer than a DNS name may be (" + DnsNames.MAX_NAME_LENGTH + " characters)"));
        }
        Resolver resolver = resolvers.forList(list);
        Duration timeout = list.timeout().orElse(defaultTimeout);
        var a = bounded(resolver, list, query, RecordType.A, timeout);
        var txt = bounded(resolver, list, query, RecordType.TXT, timeout);
        var listedPoint = bounded(resolver, list, Target.probeKey(list.probe().listed(), target) + "." + list.zone(),
                RecordType.A, timeout);
        var cleanPoint = bounded(resolver, list, Target.probeKey(list.probe().clean(), target) + "." + list.zone(),
                RecordType.A, timeout);
        return CompletableFuture.allOf(a, txt, listedPoint, cleanPoint).thenApply(v -> Interpretation.interpret(list,
                target, query, a.join(), txt.join(),
                Interpretation.probe(list, listedPoint.join(), cleanPoint.join())));
    }

    /**
     * One lookup that ends within the list's timeout. {@code copy()} first: the resolver's future may
     * be shared through its cache, and completing it with our timeout must not poison that.
     */
    private static CompletableFuture<DnsResult> bounded(Resolver resolver, Blocklist list, String name,
            RecordType type, Duration timeout) {
        DnsResult timedOut = new DnsResult.Timeout(name, type, "list " + list.id(), timeout);
        CompletableFuture<DnsResult> f;
        try {
            f = resolver.lookup(name, type).copy();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new DnsResult.ServFail(name, type, "list " + list.id(),
                    "cannot ask: " + e.getMessage()));
        }
        return f.completeOnTimeout(timedOut, timeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(e -> new DnsResult.ServFail(name, type, "list " + list.id(), String.valueOf(e.getMessage())));
    }
}
