package org.maildoctor.dns;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Caches lookups for as long as DNS says they may be kept:
 * <ul>
 * <li>answers for the smallest TTL among the records and the CNAMEs followed;</li>
 * <li>NXDOMAIN / NODATA for the SOA's negative TTL (RFC 2308 5), or {@code noSoaNegativeTtl} when the
 *     response carried no SOA (RFC 2308 says such answers SHOULD NOT be cached: default 0);</li>
 * <li>failures (SERVFAIL, REFUSED, timeout, unreachable) for {@code failureTtl} only (default 5 s),
 *     enough to stop one evaluation from waiting twice for the same dead server.</li>
 * </ul>
 * Every TTL is capped at {@code maxTtl}. Concurrent lookups of the same question share one query.
 * Returned records carry their TTLs as received, not decremented.
 */
public final class CachingResolver implements Resolver {
    public static final Duration DEFAULT_MAX_TTL = Duration.ofHours(6);
    public static final Duration DEFAULT_FAILURE_TTL = Duration.ofSeconds(5);

    private record Key(String name, RecordType type) {
    }

    private final Resolver delegate;
    private final AsyncCache<Key, DnsResult> cache;
    private final Duration maxTtl;
    private final Duration failureTtl;
    private final Duration noSoaNegativeTtl;

    public CachingResolver(Resolver delegate) {
        this(delegate, Ticker.systemTicker(), 100_000, DEFAULT_MAX_TTL, DEFAULT_FAILURE_TTL, Duration.ZERO);
    }

    /**
     * @param ticker nanosecond clock of the cache; tests pass a fake one to expire entries without sleeping
     */
    public CachingResolver(Resolver delegate, Ticker ticker, long maximumSize, Duration maxTtl,
                           Duration failureTtl, Duration noSoaNegativeTtl) {
        this.delegate = Objects.requireNonNull(delegate);
        this.maxTtl = maxTtl;
        this.failureTtl = failureTtl;
        this.noSoaNegativeTtl = noSoaNegativeTtl;
        this.cache = Caffeine.newBuilder()
                .ticker(ticker)
                .maximumSize(maximumSize)
                // maintenance on the caller's thread keeps expiry deterministic under a fake ticker
                .executor(Runnable::run)
                .expireAfter(new Expiry<Key, DnsResult>() {
                    @Override
                    public long expireAfterCreate(Key key, DnsResult value, long currentTime) {
                        return ttlOf(value).toNanos();
                    }

                    @Override
                    public long expireAfterUpdate(Key key, DnsResult value, long currentTime, long currentDuration) {
                        return ttlOf(value).toNanos();
                    }

                    @Override
                    public long expireAfterRead(Key key, DnsResult value, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .buildAsync();
    }

    @Override
    public CompletableFuture<DnsResult> lookup(String name, RecordType type) {
        Key key = new Key(DnsNames.normalize(name), type);
        CompletableFuture<DnsResult> hit = cache.getIfPresent(key);
        return hit != null ? hit : cache.get(key, (k, executor) -> delegate.lookup(k.name(), k.type()));
    }

    /** How long a result may be served from the cache. */
    public Duration ttlOf(DnsResult result) {
        Duration ttl = switch (result) {
            case DnsResult.Answer a -> Duration.ofSeconds(Math.min(minTtl(a.records()), minTtl(a.cnameChain())));
            case DnsResult.NxDomain n -> negative(n.soa(), n.cnameChain());
            case DnsResult.NoData n -> negative(n.soa(), n.cnameChain());
            case DnsResult.ServFail s -> failureTtl;
            case DnsResult.Refused r -> failureTtl;
            case DnsResult.Timeout t -> failureTtl;
            case DnsResult.Unreachable u -> failureTtl;
        };
        if (ttl.isNegative()) {
            return Duration.ZERO;
        }
        return ttl.compareTo(maxTtl) > 0 ? maxTtl : ttl;
    }

    private Duration negative(Optional<DnsRecord.Soa> soa, List<DnsRecord.Cname> chain) {
        Duration base = soa.map(s -> Duration.ofSeconds(s.negativeTtl())).orElse(noSoaNegativeTtl);
        long chainTtl = minTtl(chain);
        return chainTtl < base.toSeconds() ? Duration.ofSeconds(chainTtl) : base;
    }

    private static long minTtl(List<? extends DnsRecord> records) {
        long min = Long.MAX_VALUE / 2;
        for (DnsRecord r : records) {
            min = Math.min(min, r.ttl());
        }
        return min;
    }

    /** Entries currently held (approximate; for tests and metrics). */
    public long size() {
        cache.synchronous().cleanUp();
        return cache.synchronous().estimatedSize();
    }

    /** Drops every entry. */
    public void invalidateAll() {
        cache.synchronous().invalidateAll();
    }
}
