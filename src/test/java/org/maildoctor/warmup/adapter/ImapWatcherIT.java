package org.maildoctor.warmup.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.maildoctor.warmup.account.Secret;
import org.maildoctor.warmup.account.WarmupAccount;
import org.maildoctor.warmup.adapter.ImapWatcher.Mode;
import org.maildoctor.warmup.adapter.ImapWatcher.WatchResult;
import org.maildoctor.warmup.engine.Outbox;
import org.maildoctor.warmup.network.MessageComposer;
import org.maildoctor.warmup.testing.GreenMailPool;

/** Waiting for warm-up mail with IMAP IDLE (GreenMail offers it) and by polling, against GreenMail. */
class ImapWatcherIT {
    static GreenMailPool pool;

    @BeforeAll
    static void start() {
        pool = GreenMailPool.start(10);
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void returnsSoonAfterMailArrives(boolean idle) throws Exception {
        WarmupAccount ann = pool.accounts().get(0);
        WarmupAccount ben = pool.accounts().get(idle ? 1 : 2);
        // a 1 s read timeout: IDLE must survive several slices without the socket timing out
        var connector = new MailConnector(org.maildoctor.dns.FakeZone.builder().a(GreenMailPool.HOST, "127.0.0.1")
                .build(), true, Duration.ofSeconds(1));
        ImapWatcher watcher = new ImapWatcher(connector, pool.credentials(), Duration.ofMillis(200), idle);
        SmtpOutbox outbox = new SmtpOutbox(pool.connector(), pool.credentials(), Clock.systemUTC());
        CompletableFuture<WatchResult> watching = CompletableFuture.supplyAsync(
                () -> watcher.await(ben, "INBOX", Duration.ofSeconds(20)));
        Thread.sleep(2_500);
        assertThat(watching).isNotDone();
        long sent = System.nanoTime();
        assertThat(outbox.send(ann, MessageComposer.shipped().compose(ann.address(), ben.address(),
                new SplittableRandom(5))).status()).isEqualTo(Outbox.Status.ACCEPTED);
        WatchResult r = watching.get(20, TimeUnit.SECONDS);
        long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
        assertThat(r.failure()).isNull();
        assertThat(r.arrived()).isTrue();
        assertThat(r.mode()).isEqualTo(idle ? Mode.IDLE : Mode.POLLING);
        assertThat(waitedMs).isLessThan(5_000);
    }

    @Test
    void nothingArrivingEndsAtTheDeadline() {
        WarmupAccount cara = pool.accounts().get(3);
        ImapWatcher watcher = new ImapWatcher(pool.connector(), pool.credentials(), Duration.ofMillis(200), true);
        long start = System.nanoTime();
        WatchResult r = watcher.await(cara, "INBOX", Duration.ofMillis(1_500));
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(r.arrived()).isFalse();
        assertThat(r.failure()).isNull();
        assertThat(took).isBetween(1_400L, 8_000L);
    }

    @Test
    void wrongPasswordIsReportedNotThrown() {
        ImapWatcher watcher = new ImapWatcher(pool.connector(), a -> new Secret("nope".toCharArray()),
                Duration.ofMillis(200), true);
        WatchResult r = watcher.await(pool.accounts().get(4), "INBOX", Duration.ofSeconds(1));
        assertThat(r.accountFailed()).isTrue();
        assertThat(r.failure()).contains("login refused");
    }
}
