package org.maildoctor.warmup.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.store.StoredMessage;
import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.maildoctor.warmup.account.WarmupAccount;
import org.maildoctor.warmup.engage.Observation;
import org.maildoctor.warmup.engage.Placement;
import org.maildoctor.warmup.engine.Engager.EngagementPolicy;
import org.maildoctor.warmup.engine.Engager.EngagementResult;
import org.maildoctor.warmup.engine.Outbox;
import org.maildoctor.warmup.network.MessageComposer;
import org.maildoctor.warmup.network.WarmupMessage;
import org.maildoctor.warmup.testing.GreenMailPool;
import org.maildoctor.warmup.testing.GreenMailPool.Filing;

/**
 * Engagement against GreenMail hosting 12 mailboxes over five domains, with a filter that files chosen
 * warm-up messages into each provider's junk folder (Spam, Junk E-mail, Bulk Mail, Junk, Courrier
 * indésirable) or Promotions: placement is recorded, spam is rescued into the inbox, engaged mail is
 * read and flagged, replies thread, and old warm-up mail is cleaned up.
 */
class ImapEngagerIT {
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    GreenMailPool pool;
    SmtpOutbox outbox;
    MessageComposer composer = MessageComposer.shipped();
    SplittableRandom random = new SplittableRandom(42);
    final Set<String> junkTokens = ConcurrentHashMap.newKeySet();
    final Set<String> categoryTokens = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void start() {
        pool = GreenMailPool.start(12);
        outbox = new SmtpOutbox(pool.connector(), pool.credentials(), Clock.fixed(NOW, ZoneOffset.UTC));
        pool.filter((m, to) -> {
            String token = header(m);
            if (token == null) {
                return Filing.INBOX;
            }
            return junkTokens.contains(token) ? Filing.JUNK : categoryTokens.contains(token) ? Filing.CATEGORY
                    : Filing.INBOX;
        });
    }

    @AfterEach
    void stop() {
        pool.close();
    }

    private static String header(MimeMessage m) {
        try {
            return m.getHeader(WarmupMessage.TOKEN_HEADER, null);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ImapEngager engager(Outbox replies) {
        return new ImapEngager(pool.connector(), pool.credentials(), replies, composer, 7);
    }

    private WarmupMessage send(WarmupAccount from, WarmupAccount to, Filing filing) {
        WarmupMessage m = composer.compose(from.address(), to.address(), random);
        if (filing == Filing.JUNK) {
            junkTokens.add(m.token());
        } else if (filing == Filing.CATEGORY) {
            categoryTokens.add(m.token());
        }
        assertThat(outbox.send(from, m).status()).isEqualTo(Outbox.Status.ACCEPTED);
        return m;
    }

    @Test
    void placementIsRecordedAndSpamIsRescuedReadAndFlagged() throws Exception {
        List<WarmupAccount> all = pool.accounts();
        assertThat(all).hasSize(12);
        assertThat(all.stream().map(a -> a.address().substring(a.address().indexOf('@'))).distinct()).hasSize(5);
        // every mailbox receives three: one to the inbox, one to junk, one to Promotions
        Map<String, Filing> expected = new java.util.HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            WarmupAccount to = all.get(i);
            for (Filing f : Filing.values()) {
                WarmupAccount from = all.get((i + 1 + f.ordinal()) % all.size());
                expected.put(send(from, to, f).token(), f);
            }
        }
        assertThat(pool.junked()).isEqualTo(12);
        ImapEngager engager = engager(outbox);
        List<Observation> seen = new ArrayList<>();
        for (WarmupAccount to : all) {
            EngagementResult r = engager.engage(to, new EngagementPolicy(0, 14), NOW);
            assertThat(r.failure()).as(to.address()).isNull();
            assertThat(r.warnings()).isEmpty();
            assertThat(r.observations()).hasSize(3);
            for (Observation o : r.observations()) {
                Placement want = switch (expected.get(o.token())) {
                    case INBOX -> Placement.INBOX;
                    case JUNK -> Placement.SPAM;
                    case CATEGORY -> Placement.CATEGORY;
                };
                assertThat(o.placement()).as(o.folder()).isEqualTo(want);
                assertThat(o.rescued()).isEqualTo(want == Placement.SPAM);
                if (want == Placement.SPAM) {
                    assertThat(o.folder()).isEqualTo(pool.domainOf(to.address()).junkFolder());
                }
                assertThat(o.authPassed()).isNull();
                assertThat(o.messageId()).startsWith("<").endsWith(">");
            }
            seen.addAll(r.observations());
            // rescued: junk is empty, the inbox holds two, all read and flagged
            assertThat(pool.folder(to.address(), pool.domainOf(to.address()).junkFolder()).getMessageCount()).isZero();
            List<StoredMessage> inbox = pool.folder(to.address(), "INBOX").getMessages();
            assertThat(inbox).hasSize(2);
            for (StoredMessage m : inbox) {
                assertThat(m.isSet(Flags.Flag.SEEN)).isTrue();
                assertThat(m.isSet(Flags.Flag.FLAGGED)).isTrue();
            }
        }
        assertThat(seen.stream().map(Observation::token).collect(Collectors.toSet())).isEqualTo(expected.keySet());
        // a second pass finds nothing new: engaged mail is not counted twice
        EngagementResult again = engager.engage(all.getFirst(), new EngagementPolicy(0, 14), NOW.plusSeconds(60));
        assertThat(again.observations()).isEmpty();
    }

    @Test
    void repliesContinueTheThreadWithInReplyToAndReferences() throws Exception {
        WarmupAccount ann = pool.accounts().get(0);
        WarmupAccount ben = pool.accounts().get(1);
        WarmupMessage first = send(ann, ben, Filing.JUNK);
        EngagementResult r = engager(outbox).engage(ben, new EngagementPolicy(1.0, 14), NOW);
        assertThat(r.observations()).singleElement().satisfies(o -> {
            assertThat(o.replied()).isTrue();
            assertThat(o.rescued()).isTrue();
        });
        List<StoredMessage> annInbox = pool.folder(ann.address(), "INBOX").getMessages();
        assertThat(annInbox).hasSize(1);
        MimeMessage reply = annInbox.getFirst().getMimeMessage();
        assertThat(reply.getSubject()).isEqualTo("Re: " + first.subject());
        assertThat(reply.getHeader("In-Reply-To", null)).isEqualTo(first.messageId());
        assertThat(reply.getHeader("References", null)).isEqualTo(first.messageId());
        assertThat(reply.getHeader(WarmupMessage.TOKEN_HEADER, null)).isNotEqualTo(first.token());
        // ann engages and answers back: the chain grows by the reply's id
        EngagementResult back = engager(outbox).engage(ann, new EngagementPolicy(1.0, 14), NOW.plusSeconds(30));
        assertThat(back.observations()).singleElement().satisfies(o -> assertThat(o.replied()).isTrue());
        MimeMessage second = pool.folder(ben.address(), "INBOX").getMessages().stream()
                .map(StoredMessage::getMimeMessage).filter(m -> subject(m).startsWith("Re:")).findFirst().orElseThrow();
        assertThat(second.getSubject()).isEqualTo("Re: " + first.subject());
        assertThat(second.getHeader("In-Reply-To", null)).isEqualTo(reply.getMessageID());
        assertThat(ImapEngager.ids(second.getHeader("References", null)))
                .containsExactly(first.messageId(), reply.getMessageID());
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void cleanupDeletesWarmupMailOlderThanThePolicyAndNothingElse() throws Exception {
        WarmupAccount ann = pool.accounts().get(0);
        WarmupAccount ben = pool.accounts().get(1);
        SmtpOutbox past = new SmtpOutbox(pool.connector(), pool.credentials(),
                Clock.fixed(NOW.minus(Duration.ofDays(10)), ZoneOffset.UTC));
        for (int i = 0; i < 3; i++) {
            assertThat(past.send(ann, composer.compose(ann.address(), ben.address(), random)).status())
                    .isEqualTo(Outbox.Status.ACCEPTED);
        }
        WarmupMessage fresh = send(ann, ben, Filing.INBOX);
        WarmupMessage oldInJunk = composer.compose(ann.address(), ben.address(), random);
        junkTokens.add(oldInJunk.token());
        past.send(ann, oldInJunk);
        // the user's own mail, old and flagged deleted by them, must survive our expunge
        pool.greenMail().getUserManager().getUserByEmail(ben.address());
        com.icegreen.greenmail.util.GreenMailUtil.sendTextEmail(ben.address(), "friend@elsewhere.test", "lunch?",
                "see you at noon", pool.greenMail().getSmtp().getServerSetup());
        EngagementResult r = engager(outbox).engage(ben, new EngagementPolicy(0, 7), NOW);
        assertThat(r.failure()).isNull();
        assertThat(r.cleanedUp()).isEqualTo(4);
        assertThat(r.observations()).extracting(Observation::token).containsExactly(fresh.token());
        List<String> left = pool.folder(ben.address(), "INBOX").getMessages().stream()
                .map(m -> subject(m.getMimeMessage())).toList();
        assertThat(left).containsExactlyInAnyOrder(fresh.subject(), "lunch?");
        assertThat(pool.folder(ben.address(), pool.domainOf(ben.address()).junkFolder()).getMessageCount()).isZero();
    }

    @Test
    void aMessageWhoseHeaderWasStrippedIsRecognisedByItsBodyToken() throws Exception {
        WarmupAccount ann = pool.accounts().get(0);
        WarmupAccount ben = pool.accounts().get(1);
        WarmupMessage m = composer.compose(ann.address(), ben.address(), random);
        // as a provider that drops unknown headers would deliver it
        com.icegreen.greenmail.util.GreenMailUtil.sendTextEmail(ben.address(), ann.address(), m.subject(), m.textBody(),
                pool.greenMail().getSmtp().getServerSetup());
        com.icegreen.greenmail.util.GreenMailUtil.sendTextEmail(ben.address(), ann.address(), "not warm-up",
                "Ref: something else\n", pool.greenMail().getSmtp().getServerSetup());
        EngagementResult r = engager(outbox).engage(ben, new EngagementPolicy(0, 7), NOW);
        assertThat(r.observations()).extracting(Observation::token).containsExactly(m.token());
        Set<Boolean> seen = new HashSet<>();
        for (StoredMessage s : pool.folder(ben.address(), "INBOX").getMessages()) {
            if (subject(s.getMimeMessage()).equals("not warm-up")) {
                seen.add(s.isSet(Flags.Flag.SEEN));
            }
        }
        assertThat(seen).as("other mail stays unread, even after its body was searched").containsExactly(false);
    }
}
