package org.maildoctor.warmup.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.maildoctor.warmup.MailboxProvider;

class PoolPairingTest {
    static final MailboxProvider[] PROVIDERS = {MailboxProvider.GMAIL, MailboxProvider.OUTLOOK_COM,
        MailboxProvider.YAHOO, MailboxProvider.ZOHO, MailboxProvider.CUSTOM};

    /** A pool of {@code size} mailboxes over providers and domains of uneven sizes, owned by three users. */
    static List<PoolMember> members(int size, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<PoolMember> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            MailboxProvider p = PROVIDERS[r.nextInt(PROVIDERS.length)];
            out.add(new PoolMember("m" + i + "@" + p.key() + r.nextInt(3) + ".test", p, "user" + r.nextInt(3)));
        }
        return out;
    }

    private static <K> Map<K, Long> count(List<PoolMember> picks, Function<PoolMember, K> key) {
        return picks.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    @Property
    void neverItselfAndProvidersAndDomainsWithinOneOfEachOther(@ForAll @IntRange(min = 2, max = 60) int size,
            @ForAll @IntRange(min = 1, max = 120) int count, @ForAll long seed) {
        List<PoolMember> all = members(size, seed);
        Pool pool = new Pool(Pool.Scope.SHARED, all);
        PoolMember sender = all.getFirst();
        List<PoolMember> picks = PoolPairing.recipients(pool, sender, count, new SplittableRandom(seed + 1));
        assertThat(picks).hasSize(count).noneMatch(p -> p.address().equals(sender.address()));
        List<PoolMember> candidates = pool.candidatesFor(sender);
        // every provider of the pool gets floor or ceil of its share
        Map<MailboxProvider, Long> byProvider = count(picks, PoolMember::provider);
        long providers = candidates.stream().map(PoolMember::provider).distinct().count();
        for (MailboxProvider p : candidates.stream().map(PoolMember::provider).distinct().toList()) {
            long got = byProvider.getOrDefault(p, 0L);
            assertThat(got).isBetween((long) count / providers, (count + providers - 1) / providers);
        }
        // within a provider, its domains within one of each other
        for (var e : candidates.stream().collect(Collectors.groupingBy(PoolMember::provider)).entrySet()) {
            List<String> domains = e.getValue().stream().map(PoolMember::domain).distinct().toList();
            Map<String, Long> got = count(picks.stream().filter(p -> p.provider() == e.getKey()).toList(),
                    PoolMember::domain);
            long min = domains.stream().mapToLong(d -> got.getOrDefault(d, 0L)).min().orElse(0);
            long max = domains.stream().mapToLong(d -> got.getOrDefault(d, 0L)).max().orElse(0);
            assertThat(max - min).isLessThanOrEqualTo(1);
        }
    }

    @Property
    void anOwnPoolStaysWithTheOwner(@ForAll @IntRange(min = 2, max = 40) int size, @ForAll long seed) {
        List<PoolMember> all = members(size, seed);
        PoolMember sender = all.getFirst();
        List<PoolMember> picks = PoolPairing.recipients(new Pool(Pool.Scope.OWN, all), sender, 25,
                new SplittableRandom(seed));
        assertThat(picks).allMatch(p -> p.owner().equals(sender.owner()) && !p.address().equals(sender.address()));
    }

    @Test
    void aPoolOfOneSenderAloneGivesNobody() {
        PoolMember only = new PoolMember("a@x.test", MailboxProvider.GMAIL, "u");
        assertThat(PoolPairing.recipients(new Pool(Pool.Scope.SHARED, List.of(only)), only, 5, new SplittableRandom(1)))
                .isEmpty();
    }

    /**
     * Over a month of daily picks with fresh randomness, mailboxes in the same position (same provider, same
     * domain size) receive about the same: a chi-square test on 50 equal mailboxes stays under the 0.1 %
     * critical value, and the sender's own domain is used least.
     */
    @Test
    void spreadOverAMonthIsEven() {
        List<PoolMember> all = new ArrayList<>();
        for (int p = 0; p < PROVIDERS.length; p++) {
            for (int d = 0; d < 2; d++) {
                for (int m = 0; m < 5; m++) {
                    all.add(new PoolMember("m" + m + "@d" + d + "." + PROVIDERS[p].key() + ".test", PROVIDERS[p], "u"));
                }
            }
        }
        PoolMember sender = new PoolMember("sender@d0.gmail.test", MailboxProvider.GMAIL, "u");
        all.add(sender);
        Pool pool = new Pool(Pool.Scope.SHARED, all);
        Map<String, Integer> received = new HashMap<>();
        int days = 30;
        int perDay = 17;
        for (int day = 0; day < days; day++) {
            for (PoolMember p : PoolPairing.recipients(pool, sender, perDay, new SplittableRandom(1000 + day))) {
                received.merge(p.address(), 1, Integer::sum);
            }
        }
        List<PoolMember> others = all.stream().filter(m -> !m.domain().equals("d0.gmail.test")).toList();
        double expected = others.stream().mapToInt(m -> received.getOrDefault(m.address(), 0)).average().orElseThrow();
        double chi2 = others.stream().mapToDouble(m -> {
            double o = received.getOrDefault(m.address(), 0);
            return (o - expected) * (o - expected) / expected;
        }).sum();
        // 44 degrees of freedom: the 0.1 % critical value is 78.7
        assertThat(chi2).isLessThan(78.7);
        int ownDomain = all.stream().filter(m -> m.domain().equals("d0.gmail.test"))
                .mapToInt(m -> received.getOrDefault(m.address(), 0)).sum();
        int otherGmailDomain = all.stream().filter(m -> m.domain().equals("d1.gmail.test"))
                .mapToInt(m -> received.getOrDefault(m.address(), 0)).sum();
        assertThat(ownDomain).isLessThan(otherGmailDomain);
    }
}
