package org.maildoctor.warmup.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.maildoctor.store.Store;
import org.maildoctor.warmup.engage.Observation;
import org.maildoctor.warmup.engage.Placement;
import org.maildoctor.warmup.tracking.DailyStats;

/** What the warm-up stats store must do on every database; subclasses open a fresh store per test. */
abstract class StatsRepositoryContract {
    static final LocalDate D1 = LocalDate.parse("2026-03-02");
    static final LocalDate D2 = D1.plusDays(1);
    static final Instant SEEN = Instant.parse("2026-03-02T12:00:00Z");

    Store store;
    JdbcStatsRepository stats;

    abstract Store openStore() throws Exception;

    abstract void dropStore() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = openStore();
        stats = new JdbcStatsRepository(store.dataSource());
    }

    @AfterEach
    void close() throws Exception {
        store.close();
        dropStore();
    }

    static Observation seen(String token, String from, Placement p, boolean replied, Boolean auth) {
        return new Observation(token, "<" + token + "@pool.test>", from, p.name().toLowerCase(), p, false, replied,
                auth, SEEN);
    }

    private DailyStats day(String mailbox, LocalDate d) {
        List<DailyStats> one = stats.days(mailbox, d, d);
        assertThat(one).hasSize(1);
        return one.getFirst();
    }

    @Test
    void sendsAndBouncesCountPerMailboxAndDay() {
        for (int i = 0; i < 3; i++) {
            stats.recordSent("a@one.test", D1);
        }
        stats.recordSent("A@One.test", D2);
        stats.recordBounce("a@one.test", D2);
        stats.recordSent("b@two.test", D1);

        assertThat(stats.days("a@one.test", D1, D2))
                .containsExactly(new DailyStats("a@one.test", D1, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                        new DailyStats("a@one.test", D2, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0));
        assertThat(stats.days("a@one.test", D2, D2)).extracting(DailyStats::day).containsExactly(D2);
        assertThat(stats.days("b@two.test", D1, D2)).extracting(DailyStats::sent).containsExactly(1);
        assertThat(stats.days("nobody@one.test", D1, D2)).isEmpty();
    }

    @Test
    void aRepeatedPassCountsNothingTwice() {
        Observation spam = seen("t1", "a@one.test", Placement.SPAM, false, true);
        Observation inbox = seen("t2", "a@one.test", Placement.INBOX, true, false);
        for (int pass = 0; pass < 3; pass++) {
            stats.recordObservation("b@two.test", D1, spam);
            stats.recordObservation("b@two.test", D1, inbox);
        }
        // the same token reaching another receiver is a separate delivery
        stats.recordObservation("c@three.test", D1, seen("t1", "a@one.test", Placement.CATEGORY, false, null));

        DailyStats sender = day("a@one.test", D1);
        assertThat(sender.inbox()).isEqualTo(1);
        assertThat(sender.spam()).isEqualTo(1);
        assertThat(sender.category()).isEqualTo(1);
        assertThat(sender.placed()).isEqualTo(3);
        assertThat(sender.replies()).isEqualTo(1);
        assertThat(sender.authFailures()).isEqualTo(1);
        assertThat(sender.received()).isZero();
        assertThat(day("b@two.test", D1).received()).isEqualTo(2);
        assertThat(day("b@two.test", D1).placed()).isZero();
        assertThat(day("c@three.test", D1).received()).isEqualTo(1);
    }

    @Test
    void laterChangesAreBookedOnceOnTheDayFirstSeen() {
        stats.recordObservation("b@two.test", D1, seen("t1", "a@one.test", Placement.MISSING, false, null));
        // the next day's pass: the message turned up in spam (rescued now), was replied to, and failed DMARC
        Observation later = new Observation("t1", "<t1@pool.test>", "a@one.test", "Junk", Placement.SPAM, true, true,
                false, SEEN.plusSeconds(86_400));
        stats.recordObservation("b@two.test", D2, later);
        stats.recordObservation("b@two.test", D2, later);
        // and a pass after the rescue sees it in the inbox: the first placement stands
        stats.recordObservation("b@two.test", D2, seen("t1", "a@one.test", Placement.INBOX, true, false));

        DailyStats d1 = day("a@one.test", D1);
        assertThat(d1.missing()).isZero();
        assertThat(d1.spam()).isEqualTo(1);
        assertThat(d1.inbox()).isZero();
        assertThat(d1.replies()).isEqualTo(1);
        assertThat(d1.authFailures()).isEqualTo(1);
        assertThat(stats.days("a@one.test", D2, D2)).allSatisfy(d -> assertThat(d.placed() + d.replies()).isZero());
        assertThat(day("b@two.test", D1).received()).isEqualTo(1);
    }

    @Test
    void anObservationWithoutSenderCountsOnlyTheReceipt() {
        stats.recordObservation("b@two.test", D1, seen("t9", null, Placement.INBOX, true, false));
        assertThat(day("b@two.test", D1).received()).isEqualTo(1);
        assertThat(day("b@two.test", D1).placed()).isZero();
    }

    @Test
    void concurrentPassesOverTheSameMessagesBookEachOnce() throws Exception {
        int passes = 6;
        int messages = 40;
        ExecutorService pool = Executors.newFixedThreadPool(passes);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int p = 0; p < passes; p++) {
                Callable<Void> pass = () -> {
                    go.await();
                    for (int m = 0; m < messages; m++) {
                        stats.recordObservation("b@two.test", D1, seen("t" + m, "a@one.test",
                                m % 4 == 0 ? Placement.SPAM : Placement.INBOX, m % 5 == 0, true));
                        stats.recordSent("c@three.test", D1);
                    }
                    return null;
                };
                done.add(pool.submit(pass));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        DailyStats sender = day("a@one.test", D1);
        assertThat(sender.spam()).isEqualTo(10);
        assertThat(sender.inbox()).isEqualTo(30);
        assertThat(sender.replies()).isEqualTo(8);
        assertThat(day("b@two.test", D1).received()).isEqualTo(messages);
        assertThat(day("c@three.test", D1).sent()).as("sends are counted, not deduplicated").isEqualTo(passes * messages);
    }
}
