package org.maildoctor.dns;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachingResolverTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final Ticker ticker = nanos::get;

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    private CachingResolver cache(FakeZone zone) {
        return new CachingResolver(zone, ticker, 1000, Duration.ofHours(6), Duration.ofSeconds(5), Duration.ZERO);
    }

    @Test
    void answersAreKeptForTheirSmallestTtl() {
        FakeZone zone = FakeZone.builder().ttl(300).a("good.test", "127.0.0.1").ttl(30).a("good.test", "127.0.0.2").build();
        CachingResolver cache = cache(zone);

        assertThat(cache.lookupNow("good.test", RecordType.A)).isInstanceOf(DnsResult.Answer.class);
        advance(Duration.ofSeconds(29));
        assertThat(cache.lookupNow("GOOD.test.", RecordType.A)).isInstanceOf(DnsResult.Answer.class);
        assertThat(zone.queryCount()).as("served from cache, any spelling").isEqualTo(1);

        advance(Duration.ofSeconds(2));
        cache.lookupNow("good.test", RecordType.A);
        assertThat(zone.queryCount()).as("expired after 30 s").isEqualTo(2);
    }

    @Test
    void theCnameChainTtlBoundsTheAnswer() {
        FakeZone zone = FakeZone.builder().ttl(10).cname("alias.test", "real.test").ttl(300).a("real.test", "127.0.0.1").build();
        CachingResolver cache = cache(zone);
        cache.lookupNow("alias.test", RecordType.A);
        advance(Duration.ofSeconds(11));
        cache.lookupNow("alias.test", RecordType.A);
        assertThat(zone.queryCount()).isEqualTo(2);
    }

    @Test
    void negativeAnswersAreKeptForTheSoaMinimum() {
        FakeZone zone = FakeZone.builder().negativeTtl(60).exists("empty.test").build();
        CachingResolver cache = cache(zone);

        assertThat(cache.lookupNow("gone.test", RecordType.A)).isInstanceOf(DnsResult.NxDomain.class);
        assertThat(cache.lookupNow("empty.test", RecordType.A)).isInstanceOf(DnsResult.NoData.class);
        advance(Duration.ofSeconds(59));
        cache.lookupNow("gone.test", RecordType.A);
        cache.lookupNow("empty.test", RecordType.A);
        assertThat(zone.queryCount()).isEqualTo(2);

        advance(Duration.ofSeconds(2));
        assertThat(cache.lookupNow("gone.test", RecordType.A)).isInstanceOf(DnsResult.NxDomain.class);
        assertThat(zone.queryCount()).isEqualTo(3);
    }

    @Test
    void failuresAreKeptOnlyBriefly() {
        FakeZone zone = FakeZone.builder().timeout("slow.test").servfail("broken.test").build();
        CachingResolver cache = cache(zone);
        cache.lookupNow("slow.test", RecordType.A);
        cache.lookupNow("slow.test", RecordType.A);
        assertThat(zone.queryCount()).isEqualTo(1);
        advance(Duration.ofSeconds(6));
        assertThat(cache.lookupNow("slow.test", RecordType.A)).isInstanceOf(DnsResult.Timeout.class);
        assertThat(zone.queryCount()).isEqualTo(2);
        assertThat(cache.ttlOf(cache.lookupNow("broken.test", RecordType.A))).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void ttlIsCappedAndTypesAreSeparateKeys() {
        FakeZone zone = FakeZone.builder().ttl(7 * 86400).a("long.test", "127.0.0.1").txt("long.test", "x").build();
        CachingResolver cache = cache(zone);
        assertThat(cache.ttlOf(cache.lookupNow("long.test", RecordType.A))).isEqualTo(Duration.ofHours(6));
        cache.lookupNow("long.test", RecordType.TXT);
        assertThat(zone.queryCount()).isEqualTo(2);
    }

    @Test
    void zeroTtlIsNotCached() {
        FakeZone zone = FakeZone.builder().ttl(0).a("zero.test", "127.0.0.1").build();
        CachingResolver cache = cache(zone);
        cache.lookupNow("zero.test", RecordType.A);
        cache.lookupNow("zero.test", RecordType.A);
        assertThat(zone.queryCount()).isEqualTo(2);
    }

    @Test
    void concurrentLookupsOfOneQuestionShareOneQuery() {
        java.util.concurrent.CompletableFuture<DnsResult> pending = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        CachingResolver cache = new CachingResolver((name, type) -> {
            calls.incrementAndGet();
            return pending;
        }, ticker, 1000, Duration.ofHours(6), Duration.ofSeconds(5), Duration.ZERO);
        var first = cache.lookup("a.test", RecordType.A);
        var second = cache.lookup("A.test.", RecordType.A);
        assertThat(calls.get()).isEqualTo(1);
        pending.complete(new DnsResult.NoData("a.test", RecordType.A, java.util.List.of(), java.util.Optional.empty()));
        assertThat(first.join()).isSameAs(second.join());
        // no SOA: RFC 2308 5 says do not cache, so the next lookup asks again
        cache.lookup("a.test", RecordType.A);
        assertThat(calls.get()).isEqualTo(2);
    }
}
