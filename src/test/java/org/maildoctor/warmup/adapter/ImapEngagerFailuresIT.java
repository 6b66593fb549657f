package org.maildoctor.warmup.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.maildoctor.warmup.account.AuthKind;
import org.maildoctor.warmup.account.Secret;
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
 * Bad input for engagement, against GreenMail: a wrong password, a stopped server, a folder deleted
 * between listing and opening, a message deleted mid-run, the server going away mid-pass, and the
 * reply outbox refusing. Each is a clear failure or warning in the result; nothing is thrown, and
 * what was observed before the trouble is kept. Also: XOAUTH2 login to IMAP.
 */
class ImapEngagerFailuresIT {
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final EngagementPolicy POLICY = new EngagementPolicy(0, 14);
    GreenMailPool pool;
    SmtpOutbox outbox;
    final MessageComposer composer = MessageComposer.shipped();
    final SplittableRandom random = new SplittableRandom(11);
    final Set<String> junk = ConcurrentHashMap.newKeySet();
    WarmupAccount ann;
    WarmupAccount ben;

    @BeforeEach
    void start() {
        pool = GreenMailPool.start(10);
        outbox = new SmtpOutbox(pool.connector(), pool.credentials(), Clock.fixed(NOW, ZoneOffset.UTC));
        pool.filter((m, to) -> {
            try {
                String t = m.getHeader(WarmupMessage.TOKEN_HEADER, null);
                return t != null && junk.contains(t) ? Filing.JUNK : Filing.INBOX;
            } catch (jakarta.mail.MessagingException e) {
                return Filing.INBOX;
            }
        });
        ann = pool.accounts().get(0);
        ben = pool.accounts().get(1);
    }

    @AfterEach
    void stop() {
        pool.close();
    }

    private WarmupMessage send(boolean toJunk) {
        WarmupMessage m = composer.compose(ann.address(), ben.address(), random);
        if (toJunk) {
            junk.add(m.token());
        }
        assertThat(outbox.send(ann, m).status()).isEqualTo(Outbox.Status.ACCEPTED);
        return m;
    }

    private ImapEngager engager() {
        return new ImapEngager(pool.connector(), pool.credentials(), outbox, composer, 1);
    }

    @Test
    void wrongPasswordIsAnAccountFailure() {
        send(false);
        ImapEngager e = new ImapEngager(pool.connector(), a -> new Secret("wrong-one".toCharArray()), outbox, composer, 1);
        EngagementResult r = e.engage(ben, POLICY, NOW);
        assertThat(r.ok()).isFalse();
        assertThat(r.accountFailed()).isTrue();
        assertThat(r.failure()).contains("IMAP login refused").doesNotContain("wrong-one");
        assertThat(r.observations()).isEmpty();
    }

    @Test
    void stoppedServerIsAConnectionFailureNotTheAccounts() {
        send(false);
        pool.greenMail().stop();
        EngagementResult r = engager().engage(ben, POLICY, NOW);
        assertThat(r.failure()).startsWith("IMAP connection failed");
        assertThat(r.accountFailed()).isFalse();
    }

    @Test
    void folderDeletedBetweenListingAndOpeningIsAWarningAndThePassGoesOn() {
        WarmupMessage inInbox = send(false);
        send(true);
        String junkFolder = pool.domainOf(ben.address()).junkFolder();
        ImapEngager e = engager();
        e.checkpoint((step, folder) -> {
            if (step.equals("open") && folder.equals(junkFolder)) {
                pool.deleteFolder(ben.address(), junkFolder);
            }
        });
        EngagementResult r = e.engage(ben, POLICY, NOW);
        assertThat(r.ok()).as(r.failure()).isTrue();
        assertThat(r.warnings()).singleElement().asString().contains(junkFolder).contains("disappeared");
        assertThat(r.observations()).extracting(Observation::token).containsExactly(inInbox.token());
    }

    @Test
    void messageDeletedByTheUserMidRunIsSkipped() throws Exception {
        WarmupMessage kept = send(false);
        WarmupMessage deleted = send(false);
        ImapEngager e = engager();
        e.checkpoint((step, folder) -> {
            if (step.equals("fetched") && folder.equals("INBOX")) {
                // as the user's phone would: another IMAP session flags it \Deleted and expunges
                deleteWithAnotherClient(deleted.token());
            }
        });
        EngagementResult r = e.engage(ben, POLICY, NOW);
        assertThat(r.ok()).as(r.failure()).isTrue();
        assertThat(r.observations()).extracting(Observation::token).contains(kept.token())
                .doesNotContain(deleted.token());
        // the other client's \Deleted (or the EXPUNGE) reached this session: skipped, quietly or with a warning
        assertThat(r.warnings()).allSatisfy(w -> assertThat(w).contains("deleted during the pass"));
    }

    private void deleteWithAnotherClient(String token) {
        var session = jakarta.mail.Session.getInstance(new java.util.Properties());
        try (var store = session.getStore("imap")) {
            store.connect("127.0.0.1", pool.greenMail().getImap().getPort(), ben.username(),
                    new String(pool.credentials().open(ben).reveal()));
            var inbox = store.getFolder("INBOX");
            inbox.open(jakarta.mail.Folder.READ_WRITE);
            for (var m : inbox.search(new jakarta.mail.search.HeaderTerm(WarmupMessage.TOKEN_HEADER, token))) {
                m.setFlag(jakarta.mail.Flags.Flag.DELETED, true);
            }
            inbox.close(true);
        } catch (jakarta.mail.MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String token(MimeMessage m) {
        try {
            return m.getHeader(WarmupMessage.TOKEN_HEADER, null);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void serverGoingAwayMidPassKeepsWhatWasObservedBefore() {
        WarmupMessage inInbox = send(false);
        send(true);
        String junkFolder = pool.domainOf(ben.address()).junkFolder();
        ImapEngager e = engager();
        e.checkpoint((step, folder) -> {
            if (step.equals("open") && folder.equals(junkFolder)) {
                pool.greenMail().stop();
            }
        });
        EngagementResult r = e.engage(ben, POLICY, NOW);
        assertThat(r.ok()).isFalse();
        assertThat(r.accountFailed()).isFalse();
        assertThat(r.failure()).startsWith("IMAP");
        assertThat(r.observations()).extracting(Observation::token).containsExactly(inInbox.token());
    }

    @Test
    void refusedReplyIsAWarningAndThePlacementStillCounts() {
        WarmupMessage m = send(true);
        Outbox refusing = (from, msg) -> new Outbox.SendOutcome(Outbox.Status.DEFERRED, "421 4.7.0 try again later");
        ImapEngager e = new ImapEngager(pool.connector(), pool.credentials(), refusing, composer, 1);
        EngagementResult r = e.engage(ben, new EngagementPolicy(1.0, 14), NOW);
        assertThat(r.ok()).isTrue();
        assertThat(r.observations()).singleElement().satisfies(o -> {
            assertThat(o.token()).isEqualTo(m.token());
            assertThat(o.placement()).isEqualTo(Placement.SPAM);
            assertThat(o.rescued()).isTrue();
            assertThat(o.replied()).isFalse();
        });
        assertThat(r.warnings()).singleElement().asString().contains("421");
    }

    @Test
    void xoauth2TokenLogsInToImap() {
        WarmupMessage m = send(false);
        WarmupAccount oauth = new WarmupAccount(ben.id(), ben.address(), ben.provider(), ben.smtp(), ben.imap(),
                ben.username(), AuthKind.XOAUTH2, ben.createdAt());
        EngagementResult r = engager().engage(oauth, POLICY, NOW);
        assertThat(r.ok()).as(r.failure()).isTrue();
        assertThat(r.observations()).extracting(Observation::token).containsExactly(m.token());
        ImapEngager expired = new ImapEngager(pool.connector(), a -> new Secret("ya29.expired".toCharArray()), outbox,
                composer, 1);
        EngagementResult bad = expired.engage(oauth, POLICY, NOW);
        assertThat(bad.accountFailed()).isTrue();
        assertThat(List.of(bad.failure())).allSatisfy(f -> assertThat(f).doesNotContain("ya29"));
    }
}
