package org.maildoctor.warmup.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.maildoctor.warmup.network.MessageComposer;
import org.maildoctor.warmup.network.WarmupMessage;

/**
 * The engine's {@link Network}: pairing over the running pool and the sentence-bank
 * {@link MessageComposer}. Pairing prefers mailboxes of other domains (so a domain does not warm up
 * on its own mail) and walks them in a per-sender, per-day rotation, so a day's messages spread over
 * the pool instead of piling on one recipient. Composition is seeded: the same seed writes the same
 * message, Message-ID and token included, which is what lets a send be re-created after a restart.
 */
public final class ComposerNetwork implements Network {
    private final MessageComposer composer;

    public ComposerNetwork(MessageComposer composer) {
        this.composer = composer;
    }

    @Override
    public String recipient(String sender, List<String> pool, LocalDate day, int seq) {
        String domain = domain(sender);
        List<String> others = pool.stream().filter(p -> !p.equalsIgnoreCase(sender)).sorted().toList();
        if (others.isEmpty()) {
            throw new IllegalArgumentException("the pool has no mailbox besides " + sender);
        }
        List<String> elsewhere = others.stream().filter(p -> !domain(p).equals(domain)).toList();
        List<String> candidates = elsewhere.isEmpty() ? others : elsewhere;
        long offset = new SplittableRandom(sender.hashCode() * 31L + day.toEpochDay()).nextLong(candidates.size());
        return candidates.get((int) ((offset + seq - 1) % candidates.size()));
    }

    @Override
    public WarmupMessage compose(String from, String to, long seed) {
        return composer.compose(from, to, new SplittableRandom(seed));
    }

    private static String domain(String address) {
        return address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }
}
