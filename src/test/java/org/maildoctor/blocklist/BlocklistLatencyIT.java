package org.maildoctor.blocklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.maildoctor.testing.DelayingDnsProxy;
import org.maildoctor.dns.Resolver;
import org.maildoctor.dns.dnsjava.Resolvers;
import org.maildoctor.testing.Harness;

/**
 * Issue 5 part 5: one IP against 20 lists takes about one DNS round trip plus the slowest list,
 * not their sum. Every answer is delayed 200 ms by a proxy in front of the harness; the check must
 * finish within 4 delays (a wide margin for a loaded machine) where one list after the other
 * would take 20 delays, and each query one after the other 80.
 */
class BlocklistLatencyIT {
    private static final Duration DELAY = Duration.ofMillis(200);
    private static final int LISTS = 20;

    private static Catalogue twentyLists() {
        String lists = IntStream.rangeClosed(1, LISTS).mapToObj(i -> String.format(
                "  - {id: l%02d, name: List %d, zone: l%02d.bl.test, kind: ip, delisting: \"https://l.example/\", "
                        + "codes: {127.0.0.2: listed}}", i, i, i)).collect(Collectors.joining("\n"));
        return Catalogue.shipped().withOverrides("replace: true\nlists:\n" + lists + "\n", "twenty");
    }

    @Test
    void twentyListsTakeOneRoundTripNotTwenty() throws Exception {
        InetSocketAddress knot = new InetSocketAddress("127.0.0.1", Harness.dnsPort());
        Catalogue catalogue = twentyLists();
        Target target = Target.parse("192.0.2.99");
        // load and link the classes first: this test is about DNS round trips, not class loading
        Resolver direct = Resolvers.create(Optional.of(knot), Duration.ofSeconds(3), 1);
        new BlocklistChecker(catalogue, ListResolvers.shared(direct), Duration.ofSeconds(5)).check(target).join();

        // three runs, a fresh resolver (empty cache) each; the median must be within the bound
        long[] millis = new long[3];
        for (int run = 0; run < millis.length; run++) {
            try (DelayingDnsProxy proxy = new DelayingDnsProxy(knot, DELAY)) {
                Resolver slow = Resolvers.create(Optional.of(proxy.address()), Duration.ofSeconds(5), 1);
                BlocklistChecker checker = new BlocklistChecker(catalogue, ListResolvers.shared(slow), Duration.ofSeconds(5));
                long t0 = System.nanoTime();
                BlocklistReport report = checker.check(target).join();
                millis[run] = Duration.ofNanos(System.nanoTime() - t0).toMillis();
                System.out.printf("blocklist check against %d lists: %d queries, took %d ms; bound %d ms; "
                        + "list after list would be %d ms%n", LISTS, proxy.queries(), millis[run],
                        DELAY.multipliedBy(4).toMillis(), DELAY.multipliedBy(LISTS).toMillis());
                assertThat(report.results()).hasSize(LISTS).allSatisfy(r -> {
                    assertThat(r.verdict()).isEqualTo(Verdict.LISTED);
                    assertThat(r.probe()).isEqualTo(ProbeStatus.HEALTHY);
                });
                assertThat(proxy.queries()).isEqualTo(LISTS * 4);
            }
        }
        java.util.Arrays.sort(millis);
        assertThat(Duration.ofMillis(millis[1])).isLessThan(DELAY.multipliedBy(4));
    }
}
