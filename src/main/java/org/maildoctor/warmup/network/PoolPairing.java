package org.maildoctor.warmup.network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.maildoctor.warmup.MailboxProvider;

/**
 * Picks the recipients of a sender's warm-up messages for a day from its pool, spreading them as
 * evenly as the pool allows: first across providers (the filters warm-up must earn trust with), then
 * across domains within a provider, then across mailboxes. At each pick the least-used provider is
 * chosen (ties broken at random), then its least-used domain, then its least-used mailbox, so with
 * {@code n} picks over {@code p} providers each provider gets {@code n/p} rounded up or down. The
 * sender's own domain comes last, because mail inside one domain teaches outside filters nothing.
 * Never the sender itself. Pure: all randomness from the generator passed in.
 */
public final class PoolPairing {

    private PoolPairing() {
    }

    /** {@code count} recipients (repeating mailboxes only when the pool is smaller); empty when the pool has none. */
    public static List<PoolMember> recipients(Pool pool, PoolMember sender, int count, RandomGenerator random) {
        List<PoolMember> candidates = pool.candidatesFor(sender);
        if (candidates.isEmpty() || count <= 0) {
            return List.of();
        }
        Map<MailboxProvider, Map<String, List<PoolMember>>> tree = candidates.stream().collect(Collectors.groupingBy(
                PoolMember::provider, Collectors.groupingBy(PoolMember::domain)));
        Map<Object, Integer> used = new HashMap<>();
        List<PoolMember> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            MailboxProvider provider = leastUsed(new ArrayList<>(tree.keySet()), used, p -> sameDomainOnly(tree.get(p),
                    sender), random);
            Map<String, List<PoolMember>> domains = tree.get(provider);
            String domain = leastUsed(new ArrayList<>(domains.keySet()), used, d -> d.equals(sender.domain()), random);
            PoolMember m = leastUsed(new ArrayList<>(domains.get(domain)), used, x -> false, random);
            used.merge(provider, 1, Integer::sum);
            used.merge(domain, 1, Integer::sum);
            used.merge(m, 1, Integer::sum);
            out.add(m);
        }
        return out;
    }

    private static boolean sameDomainOnly(Map<String, List<PoolMember>> domains, PoolMember sender) {
        return domains.size() == 1 && domains.containsKey(sender.domain());
    }

    /** The least-used choice; {@code last} ones only when nothing else is left at that count; ties at random. */
    private static <T> T leastUsed(List<T> choices, Map<Object, Integer> used,
                                   java.util.function.Predicate<T> last, RandomGenerator random) {
        // shuffle first so that the stable sort breaks ties at random
        for (int i = choices.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T t = choices.get(i);
            choices.set(i, choices.get(j));
            choices.set(j, t);
        }
        choices.sort(Comparator.<T>comparingInt(c -> used.getOrDefault(c, 0)).thenComparing(c -> last.test(c) ? 1 : 0));
        return choices.getFirst();
    }
}
