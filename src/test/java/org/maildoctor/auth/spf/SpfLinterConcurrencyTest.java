package org.maildoctor.auth.spf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.maildoctor.dns.DnsResult;
import org.maildoctor.dns.FakeZone;
import org.maildoctor.dns.RecordType;
import org.maildoctor.dns.Resolver;

/**
 * The linter asks sibling includes together, as soon as their parent answers, and still gives the
 * same report as a sequential walk whatever order the answers come back in.
 */
class SpfLinterConcurrencyTest {

    /** Answers from the zone after a (random or fixed) delay; counts queries in flight. */
    private static final class Delaying implements Resolver {
        final FakeZone zone;
        final Random random;
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();

        Delaying(FakeZone zone, long seed) {
            this.zone = zone;
            this.random = new Random(seed);
        }

        @Override
        public CompletableFuture<DnsResult> lookup(String name, RecordType type) {
            DnsResult answer = zone.lookup(name, type).join();
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            long delay;
            synchronized (random) {
                delay = 5 + random.nextInt(40);
            }
            return CompletableFuture.supplyAsync(() -> {
                inFlight.decrementAndGet();
                return answer;
            }, CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS));
        }
    }

    private static FakeZone zone() {
        FakeZone.Builder b = FakeZone.builder().txt("example.com", "v=spf1 include:i0.example.net include:i1.example.net "
                + "include:i2.example.net include:i3.example.net include:i4.example.net include:i1.example.net "
                + "a:gone.example.net mx ptr ?all");
        for (int i = 0; i < 5; i++) {
            b.txt("i" + i + ".example.net", "v=spf1 include:d" + i + ".example.net a:h" + i + ".example.net ~all")
                    .txt("d" + i + ".example.net", "v=spf1 ip4:8.8." + i + ".0/24 -all")
                    .a("h" + i + ".example.net", "8.8.4." + i);
        }
        return b.nxdomain("gone.example.net").mx("example.com", 10, "mx.example.com").a("mx.example.com", "8.8.8.8")
                .build();
    }

    @Test
    void siblingIncludesAreAskedTogether() {
        Delaying dns = new Delaying(zone(), 1);
        SpfLinter.using(dns).inspect("example.com");
        // the five includes (and the void probes) of the root are in flight at once
        assertThat(dns.maxInFlight.get()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void theReportIsTheSameWhateverOrderAnswersArriveIn() {
        SpfReport reference = SpfLinter.using(zone()).inspect("example.com");
        assertThat(reference.totalLookups()).isEqualTo(9 + 6 * 2); // root's 9 terms + six includes of 2 (i1 twice)
        for (long seed = 1; seed <= 5; seed++) {
            SpfReport r = SpfLinter.using(new Delaying(zone(), seed)).inspect("example.com");
            assertThat(r).as("seed " + seed).isEqualTo(reference);
        }
        assertThat(reference.findings()).extracting(SpfFinding::id)
                .contains("spf.duplicate", "spf.void-lookups", "spf.ptr", "spf.all-neutral", "spf.lookups");
        assertThat(List.of(reference.tree().children().stream().map(SpfTree::domain).toArray()))
                .containsExactly("i0.example.net", "i1.example.net", "i2.example.net", "i3.example.net",
                        "i4.example.net", "i1.example.net");
    }
}
