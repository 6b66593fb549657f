package org.maildoctor.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Counts and logs the lookups of one evaluation. Create one per evaluation around the shared
 * resolver: SPF (RFC 7208 4.6.4) limits an evaluation to 10 DNS-querying terms and 2 void lookups,
 * and reports want the list of questions asked, in order.
 *
 * <p>A lookup is counted when it is issued (CNAME hops inside one lookup are not separate lookups);
 * a lookup answered from a cache below still counts, as the RFC limits are about the evaluation.
 */
public final class CountingResolver implements Resolver {

    /** One lookup: the question and, once known, its outcome. */
    public record Query(String name, RecordType type, Optional<DnsResult> outcome) {
    }

    private record Slot(String name, RecordType type, CompletableFuture<DnsResult> future) {
    }

    private final Resolver delegate;
    private final List<Slot> slots = new ArrayList<>();

    public CountingResolver(Resolver delegate) {
        this.delegate = Objects.requireNonNull(delegate);
    }

    @Override
    public CompletableFuture<DnsResult> lookup(String name, RecordType type) {
        String normalized = DnsNames.normalize(name); // an invalid name is not a query: throws, uncounted
        CompletableFuture<DnsResult> f = delegate.lookup(normalized, type);
        synchronized (slots) {
            slots.add(new Slot(normalized, type, f));
        }
        return f;
    }

    /** Lookups issued so far. */
    public int count() {
        synchronized (slots) {
            return slots.size();
        }
    }

    /** Completed lookups that were NXDOMAIN or NODATA (RFC 7208 4.6.4 "void lookups"). */
    public int voidCount() {
        return (int) log().stream().filter(q -> q.outcome().map(DnsResult::isVoid).orElse(false)).count();
    }

    /** Every lookup in the order issued; {@code outcome} is empty while it is still running. */
    public List<Query> log() {
        Query[] out;
        synchronized (slots) {
            out = new Query[slots.size()];
            for (int i = 0; i < out.length; i++) {
                Slot s = slots.get(i);
                out[i] = new Query(s.name(), s.type(),
                        s.future().isDone() ? Optional.of(s.future().join()) : Optional.empty());
            }
        }
        return List.of(out);
    }
}
