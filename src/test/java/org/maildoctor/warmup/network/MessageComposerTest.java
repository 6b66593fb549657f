package org.maildoctor.warmup.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MessageComposerTest {
    static final MessageComposer COMPOSER = MessageComposer.shipped();

    /** The text a reader sees: subject and body without the token line (the token alone would make any two differ). */
    private static String visible(WarmupMessage m) {
        return m.subject() + "\n" + m.textBody().replace(WarmupMarker.bodyLine(m.token()), "");
    }

    /**
     * 1,000 mailboxes × 7 days, each at a warm-up volume of 3 to 40 a day (~150,000 messages): no two
     * messages of the week read the same. Each mailbox-day gets its own seeded generator, as the engine's do.
     */
    @Property(tries = 3)
    void noTwoMessagesOfAWeekAreIdentical(@ForAll long seed) {
        Set<String> seen = new HashSet<>(200_000);
        SplittableRandom volumes = new SplittableRandom(seed);
        int total = 0;
        for (int mailbox = 0; mailbox < 1_000; mailbox++) {
            String from = "user" + mailbox + ".name@d" + (mailbox % 37) + ".test";
            int base = 3 + volumes.nextInt(38);
            for (int day = 0; day < 7; day++) {
                SplittableRandom random = new SplittableRandom(Seeds.of(seed, mailbox, day));
                for (int i = 0; i < base; i++) {
                    String to = "peer" + random.nextInt(1_000) + "@p" + random.nextInt(37) + ".test";
                    WarmupMessage m = COMPOSER.compose(from, to, random);
                    assertThat(seen.add(visible(m))).as("duplicate: %s", visible(m)).isTrue();
                    total++;
                }
            }
        }
        assertThat(total).isGreaterThan(100_000);
    }

    @Test
    void aMessageReadsLikeMailAndCarriesItsToken() {
        WarmupMessage m = COMPOSER.compose("ann.lee@alpha.test", "ben@bravo.test", new SplittableRandom(1));
        assertThat(m.subject()).isNotBlank().doesNotContain("{").doesNotContain("}");
        assertThat(m.textBody()).contains("Ben").contains("\nAnn\n").doesNotContain("{");
        assertThat(m.textBody().strip()).endsWith(WarmupMarker.bodyLine(m.token()));
        assertThat(WarmupMarker.recognise(null, m.textBody())).contains(m.token());
        assertThat(m.messageId()).matches("<[a-z0-9]+\\.[a-z0-9]+@alpha\\.test>");
        assertThat(m.isReply()).isFalse();
        assertThat(Character.isUpperCase(m.subject().charAt(0))).isTrue();
    }

    @Test
    void theSameSeedWritesTheSameMessage() {
        assertThat(COMPOSER.compose("a@x.test", "b@y.test", new SplittableRandom(9)))
                .isEqualTo(COMPOSER.compose("a@x.test", "b@y.test", new SplittableRandom(9)));
    }

    @Test
    void everyTopicAndPartIsUsedOverManyMessages() {
        SplittableRandom r = new SplittableRandom(2);
        Set<String> subjects = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            subjects.add(COMPOSER.compose("a@x.test", "b@y.test", r).subject());
        }
        assertThat(subjects.size()).isGreaterThan(700);
        for (SentenceBank.Topic t : SentenceBank.shipped().topics()) {
            assertThat(t.bodies()).hasSizeGreaterThanOrEqualTo(16);
        }
        assertThat(SentenceBank.shipped().topics()).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void aReplyContinuesTheThread() {
        SplittableRandom r = new SplittableRandom(4);
        WarmupMessage first = COMPOSER.compose("ann@alpha.test", "ben@bravo.test", r);
        var parent = new MessageComposer.Parent(first.from(), first.subject(), first.messageId(), first.references(),
                first.textBody(), ZonedDateTime.parse("2026-12-01T09:00:00Z"));
        WarmupMessage reply = COMPOSER.reply(parent, "ben@bravo.test", r);
        assertThat(reply.from()).isEqualTo("ben@bravo.test");
        assertThat(reply.to()).isEqualTo("ann@alpha.test");
        assertThat(reply.subject()).isEqualTo("Re: " + first.subject());
        assertThat(reply.inReplyTo()).isEqualTo(first.messageId());
        assertThat(reply.references()).containsExactly(first.messageId());
        assertThat(reply.token()).isNotEqualTo(first.token());
        // the reply's own token is recognised, not the one it may quote
        assertThat(WarmupMarker.recognise(null, reply.textBody())).contains(reply.token());

        var again = new MessageComposer.Parent(reply.from(), reply.subject(), reply.messageId(), reply.references(),
                reply.textBody(), null);
        WarmupMessage back = COMPOSER.reply(again, "ann@alpha.test", r);
        assertThat(back.subject()).isEqualTo("Re: " + first.subject());
        assertThat(back.references()).containsExactly(first.messageId(), reply.messageId());
    }

    @Test
    void repliesSometimesQuoteTheParentAndSometimesNot() {
        SplittableRandom r = new SplittableRandom(8);
        WarmupMessage first = COMPOSER.compose("ann@alpha.test", "ben@bravo.test", r);
        var parent = new MessageComposer.Parent(first.from(), first.subject(), first.messageId(), List.of(),
                first.textBody(), ZonedDateTime.parse("2026-12-01T09:00:00Z"));
        int quoted = 0;
        for (int i = 0; i < 200; i++) {
            WarmupMessage reply = COMPOSER.reply(parent, "ben@bravo.test", r);
            if (reply.textBody().contains("\n> ")) {
                quoted++;
                assertThat(reply.textBody()).contains("ann@alpha.test").contains("2026");
            }
        }
        assertThat(quoted).isBetween(50, 150);
    }

    @Test
    void longThreadsKeepTheRootAndTheNewest() {
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            refs.add("<m" + i + "@x.test>");
        }
        var parent = new MessageComposer.Parent("a@x.test", "Re: Re: AW: hello", "<m15@x.test>", refs, "", null);
        WarmupMessage reply = COMPOSER.reply(parent, "b@y.test", new SplittableRandom(1));
        assertThat(reply.subject()).isEqualTo("Re: hello");
        assertThat(reply.references()).hasSize(MessageComposer.MAX_REFERENCES);
        assertThat(reply.references().getFirst()).isEqualTo("<m0@x.test>");
        assertThat(reply.references().getLast()).isEqualTo("<m15@x.test>");
    }

    @Property
    void firstNameIsLettersOnlyOrAbsent(@ForAll String local, @ForAll @IntRange(min = 0, max = 3) int dots) {
        String name = MessageComposer.firstName(local + ".x".repeat(dots) + "@d.test");
        if (name != null) {
            assertThat(name).matches("\\p{L}{2,}");
        }
    }

    @Test
    void aBankWithoutTopicsIsRefusedWithItsReason() {
        assertThatThrownBy(() -> SentenceBank.parse("greeting = Hi\n")).hasMessageContaining("topic");
        assertThatThrownBy(() -> SentenceBank.parse("[topic a]\nsubject = s\nbody = 1 | 2\n"))
                .hasMessageContaining("four body lines");
    }
}
