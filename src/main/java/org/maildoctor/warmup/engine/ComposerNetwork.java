package org.maildoctor.warmup.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.maildoctor.warmup.MailboxProvider;
import org.maildoctor.warmup.network.MessageComposer;
import org.maildoctor.warmup.network.Pool;
import org.maildoctor.warmup.network.PoolMember;
import org.maildoctor.warmup.network.PoolPairing;
import org.maildoctor.warmup.network.WarmupMessage;

/**
 * The engine's {@link Network}: {@link PoolPairing} over the running pool and the sentence-bank
 * {@link MessageComposer}. Recipients spread across providers, then domains, then mailboxes (the sender's
 * own domain last); the picks of a sender's day come from a generator seeded by sender and day, and the
 * first {@code k} picks are the same whatever the day's volume, so slot {@code seq} always names the same
 * recipient (a re-plan or a restart re-creates it). Composition is seeded too: the same seed writes the
 * same message, Message-ID and token included, which is what lets a send be re-created after a restart.
 */
public final class ComposerNetwork implements Network {
    private final MessageComposer composer;
    private final Function<String, MailboxProvider> providerOf;

    /** Every mailbox counted as a custom server: the spread is then across domains and mailboxes. */
    public ComposerNetwork(MessageComposer composer) {
        this(composer, address -> MailboxProvider.CUSTOM);
    }

    /** With each mailbox's provider (from its account), so that the spread is across providers first. */
    public ComposerNetwork(MessageComposer composer, Function<String, MailboxProvider> providerOf) {
        this.composer = composer;
        this.providerOf = providerOf;
    }

    @Override
    public String recipient(String sender, List<String> pool, LocalDate day, int seq) {
        // one installation's engine: every running mailbox is in the shared pool
        List<PoolMember> members = pool.stream().map(this::member).toList();
        PoolMember from = member(sender);
        List<PoolMember> picks = PoolPairing.recipients(new Pool(Pool.Scope.SHARED, members), from, seq,
                new SplittableRandom(sender.toLowerCase(Locale.ROOT).hashCode() * 31L + day.toEpochDay()));
        if (picks.isEmpty()) {
            throw new IllegalArgumentException("the pool has no mailbox besides " + sender);
        }
        return picks.get(seq - 1).address();
    }

    @Override
    public WarmupMessage compose(String from, String to, long seed) {
        return composer.compose(from, to, new SplittableRandom(seed));
    }

    private PoolMember member(String address) {
        return new PoolMember(address, providerOf.apply(address), "installation");
    }
}
