package org.maildoctor.auth.spf;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.maildoctor.dns.CountingResolver;
import org.maildoctor.dns.DnsNameException;
import org.maildoctor.dns.DnsResult;
import org.maildoctor.dns.RecordType;
import org.maildoctor.dns.Resolver;

/**
 * SPF's processing limits as a decorator around the shared resolver (RFC 7208 4.6.4), one per
 * evaluation: the evaluator asks it for lookups and charges DNS-querying terms; overflow comes back
 * as a {@link Outcome.LimitExceeded} the evaluator turns into permerror, so no counters are
 * sprinkled through the mechanisms.
 *
 * <p>Built on {@link CountingResolver}, whose log is the evaluation's query log.
 */
final class LookupBudget {

    /** Outcome of one lookup through the budget. */
    sealed interface Outcome {
        record Ok(DnsResult result) implements Outcome {
        }

        /** The name cannot be a DNS name (after macro expansion); nothing was sent. */
        record InvalidName(String name, String reason) implements Outcome {
        }

        /** The void-lookup limit was exceeded by this lookup. */
        record LimitExceeded(String reason) implements Outcome {
        }
    }

    private final CountingResolver counting;
    private final SpfLimits limits;
    private int terms;
    private int voids;

    LookupBudget(Resolver shared, SpfLimits limits) {
        this.counting = new CountingResolver(shared);
        this.limits = limits;
    }

    /**
     * Charges one DNS-querying term ({@code include a mx ptr exists redirect}); a reason when this
     * term is one too many (RFC 7208 4.6.4: "MUST NOT exceed 10").
     */
    Optional<String> chargeTerm(String term) {
        terms++;
        if (terms > limits.maxDnsTerms()) {
            return Optional.of("more than " + limits.maxDnsTerms() + " DNS-querying terms (RFC 7208 4.6.4); the "
                    + ordinal(terms) + " was '" + term + "'");
        }
        return Optional.empty();
    }

    /**
     * One lookup. When {@code countsVoid} and the answer is NXDOMAIN or NODATA it counts as a void
     * lookup; the third one is {@link Outcome.LimitExceeded} (RFC 7208 4.6.4, default limit 2).
     */
    Outcome lookup(String name, RecordType type, boolean countsVoid) {
        DnsResult result;
        try {
            CompletableFuture<DnsResult> pending = counting.lookup(name, type);
            if (pending.isDone()) {
                result = pending.join(); // a cache hit: nothing to wait for, no timer to arm
            } else {
                Duration wait = limits.maxWaitPerLookup();
                // copy(): never complete the resolver's own future (it may be shared through a cache)
                result = pending.copy()
                        .completeOnTimeout(new DnsResult.Timeout(name, type, "resolver", wait), wait.toMillis(),
                                TimeUnit.MILLISECONDS)
                        .join();
            }
        } catch (DnsNameException e) {
            return new Outcome.InvalidName(name, e.getMessage());
        }
        if (countsVoid && result.isVoid()) {
            voids++;
            if (voids > limits.maxVoidLookups()) {
                return new Outcome.LimitExceeded("more than " + limits.maxVoidLookups()
                        + " void lookups (RFC 7208 4.6.4); the " + ordinal(voids) + " was " + result.describe());
            }
        }
        return new Outcome.Ok(result);
    }

    int terms() {
        return terms;
    }

    int voids() {
        return voids;
    }

    List<SpfQuery> log() {
        List<CountingResolver.Query> queries = counting.log();
        SpfQuery[] out = new SpfQuery[queries.size()];
        for (int i = 0; i < out.length; i++) {
            CountingResolver.Query q = queries.get(i);
            out[i] = new SpfQuery(q.name(), q.type(), q.outcome().map(DnsResult::outcome).orElse("pending"));
        }
        return List.of(out);
    }

    private static String ordinal(int n) {
        return switch (n) {
            case 1 -> "1st";
            case 2 -> "2nd";
            case 3 -> "3rd";
            default -> n + "th";
        };
    }
}
