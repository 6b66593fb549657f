package org.maildoctor.warmup.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.maildoctor.store.MutableClock;
import org.maildoctor.store.Store;
import org.maildoctor.warmup.MailboxProvider;
import org.maildoctor.warmup.Planner;
import org.maildoctor.warmup.RampRequest;
import org.maildoctor.warmup.account.AccountRepository;
import org.maildoctor.warmup.account.AuthKind;
import org.maildoctor.warmup.account.Endpoint;
import org.maildoctor.warmup.account.TlsMode;
import org.maildoctor.warmup.engage.Observation;
import org.maildoctor.warmup.engage.Placement;
import org.maildoctor.warmup.jdbc.JdbcAccountRepository;
import org.maildoctor.warmup.jdbc.JdbcRampRepository;
import org.maildoctor.warmup.jdbc.JdbcSendLedger;
import org.maildoctor.warmup.jdbc.JdbcStatsRepository;
import org.maildoctor.warmup.tracking.DailyStats;

/**
 * The engine over the real ledger, ramp and stats tables (subclasses: H2, PostgreSQL) with the
 * mail I/O replaced by {@link FakeMail}: planning, the exactly-once rule, bounces steering the plan,
 * per-account pausing, and two nodes racing for the same rows.
 */
abstract class WarmupEngineContract {
    /** A Monday, before business hours. */
    static final Instant T0 = Instant.parse("2026-03-02T06:00:00Z");
    static final LocalDate DAY1 = LocalDate.parse("2026-03-02");
    static final String A = "ann@one.test";
    static final String B = "bob@two.test";
    static final String C = "cy@three.test";
    static final RampRequest DEFAULTS = RampRequest.of(3, 10, MailboxProvider.CUSTOM)
            .withBusinessHours(LocalTime.of(9, 0), LocalTime.of(17, 0)).withZone(ZoneOffset.UTC);

    MutableClock clock;
    Store store;
    FakeMail mail;
    Map<String, Engager.EngagementResult> engagements = new java.util.concurrent.ConcurrentHashMap<>();
    JdbcSendLedger ledger;
    JdbcRampRepository ramps;
    JdbcStatsRepository stats;
    WarmupEngine engine;

    abstract Store openStore(MutableClock clock) throws Exception;

    abstract void dropStore() throws Exception;

    @BeforeEach
    void setUp() throws Exception {
        clock = new MutableClock(T0);
        store = openStore(clock);
        mail = new FakeMail();
        engine = engine(store, "node-1");
        AccountRepository accounts = new JdbcAccountRepository(store.dataSource(), clock);
        for (String a : List.of(A, B, C)) {
            Endpoint e = new Endpoint("127.0.0.1", 2525, TlsMode.NONE);
            accounts.add(new AccountRepository.NewAccount(a, MailboxProvider.CUSTOM, e, e, a, AuthKind.PASSWORD), "v1:x");
        }
        assertThat(engine.sync(DEFAULTS, T0)).containsExactly(A, B, C);
    }

    WarmupEngine engine(Store s, String node) {
        AtomicLong seeds = new AtomicLong(node.hashCode() * 1_000_003L);
        return engine(s, node, seeds::incrementAndGet);
    }

    WarmupEngine engine(Store s, String node, java.util.function.LongSupplier seeds) {
        ledger = new JdbcSendLedger(s.dataSource());
        ramps = new JdbcRampRepository(s.dataSource());
        stats = new JdbcStatsRepository(s.dataSource());
        Engager engager = (mailbox, policy, now) -> engagements.getOrDefault(mailbox.address(),
                new Engager.EngagementResult(List.of(), 0, null));
        return new WarmupEngine(new WarmupEngine.Ports(new JdbcAccountRepository(s.dataSource(), clock), ramps, ledger,
                stats, mail, engager, mail, mail), new Planner(clock), new SendThrottle(SendLimits.unlimited()),
                EngineSettings.defaults(), node, seeds);
    }

    @AfterEach
    void tearDown() throws Exception {
        store.close();
        dropStore();
    }

    @Test
    void replanWritesTheDayOnceAndEachRowIsSentOnce() {
        WarmupEngine.DayPlan plan = engine.replan(A, T0);
        assertThat(plan.day()).isEqualTo(DAY1);
        assertThat(plan.volume()).isEqualTo(3);
        assertThat(plan.planned()).hasSize(3).allSatisfy(r -> {
            assertThat(r.recipient()).isIn(B, C);
            assertThat(r.dueAt()).isBetween(Instant.parse("2026-03-02T09:00:00Z"), Instant.parse("2026-03-02T17:00:00Z"));
        });
        assertThat(plan.next()).contains(Instant.parse("2026-03-03T00:05:00Z"));
        assertThat(engine.replan(A, T0.plusSeconds(60)).planned()).isEqualTo(plan.planned());

        for (SendRecord r : plan.planned()) {
            assertThat(engine.send(r.id(), r.dueAt())).isEmpty();
            assertThat(engine.send(r.id(), r.dueAt())).as("a second execution is a no-op").isEmpty();
            assertThat(mail.delivered(r.messageId())).isEqualTo(1);
        }
        assertThat(mail.submitted).hasSize(3);
        assertThat(ledger.rows(A, DAY1)).extracting(SendRecord::state).containsOnly(SendState.SENT);
        assertThat(stats.days(A, DAY1, DAY1)).singleElement().extracting(DailyStats::sent).isEqualTo(3);
    }

    @Test
    void aMessageIdThatCollidesIsDrawnAgainSoNoSlotIsLost() {
        long[] seeds = {7, 7, 7, 8, 9};
        int[] next = {0};
        WarmupEngine colliding = engine(store, "node-c", () -> seeds[Math.min(next[0]++, seeds.length - 1)] + next[0] / 5);
        WarmupEngine.DayPlan plan = colliding.replan(A, T0);
        assertThat(plan.planned()).extracting(SendRecord::seq).containsExactly(1, 2, 3);
        assertThat(plan.planned()).extracting(SendRecord::messageId).doesNotHaveDuplicates();
    }

    @Test
    void bouncesCutTheNextDayAndHealthyAccountsGrow() {
        mail.script.put(A, m -> new Outbox.SendOutcome(Outbox.Status.REJECTED, "550 5.1.1 user unknown"));
        sendDay(A, T0);
        sendDay(B, T0);
        assertThat(ledger.rows(A, DAY1)).extracting(SendRecord::state).containsOnly(SendState.BOUNCED);
        assertThat(stats.days(A, DAY1, DAY1).getFirst().bounces()).isEqualTo(3);

        Instant day2 = T0.plus(Duration.ofDays(1));
        assertThat(engine.replan(A, day2).volume()).as("halved after a bad day").isEqualTo(1);
        assertThat(engine.replan(B, day2).volume()).as("grows by the step").isEqualTo(5);
    }

    @Test
    void aReplanWithFewerMessagesCancelsTheUnsentRest() {
        List<SendRecord> day = engine.replan(A, T0).planned();
        engine.send(day.getFirst().id(), day.getFirst().dueAt());
        // bounces recorded for yesterday arrive late: a re-plan of the same day must not undo sent rows
        stats.recordBounce(A, DAY1.minusDays(1));
        ramps.update(A, ramps.find(A).orElseThrow().ramp().withStartDate(DAY1.minusDays(1)));
        WarmupEngine.DayPlan again = engine.replan(A, T0.plusSeconds(3600));
        assertThat(again.volume()).isEqualTo(1);
        assertThat(ledger.rows(A, DAY1)).extracting(SendRecord::state)
                .containsExactly(SendState.SENT, SendState.CANCELLED, SendState.CANCELLED);
        assertThat(again.planned()).isEmpty();
    }

    @Test
    void anInterruptedAttemptIsReconciledThroughTheRecipientMailboxNotResentBlindly() {
        List<SendRecord> rows = engine.replan(A, T0).planned();
        SendRecord delivered = rows.get(0);
        SendRecord lost = rows.get(1);
        Instant t = delivered.dueAt();

        mail.crashAfterDelivery.put(A, true);
        assertThatThrownBy(() -> engine.send(delivered.id(), t)).hasMessageContaining("after delivery");
        assertThat(ledger.find(delivered.id()).orElseThrow().state()).isEqualTo(SendState.SENDING);
        Instant grace = t.plus(engine.settings().reconcileGrace());
        assertThat(engine.send(delivered.id(), t.plusSeconds(30))).as("within the grace: ask later").contains(grace);
        assertThat(engine.send(delivered.id(), grace)).isEmpty();
        assertThat(ledger.find(delivered.id()).orElseThrow().state()).isEqualTo(SendState.SENT);
        assertThat(mail.delivered(delivered.messageId())).isEqualTo(1);

        mail.crashAfterDelivery.put(A, false);
        assertThatThrownBy(() -> engine.send(lost.id(), t)).hasMessageContaining("before SMTP");
        assertThat(engine.send(lost.id(), grace)).isEmpty();
        SendRecord resent = ledger.find(lost.id()).orElseThrow();
        assertThat(resent.state()).isEqualTo(SendState.SENT);
        assertThat(resent.attempts()).isEqualTo(2);
        assertThat(mail.delivered(lost.messageId())).as("sent again, same Message-ID").isEqualTo(1);
        assertThat(stats.days(A, DAY1, DAY1).getFirst().sent()).isEqualTo(2);
    }

    @Test
    void aFailedAccountIsPausedAloneAndLeavesThePool() {
        mail.script.put(A, m -> new Outbox.SendOutcome(Outbox.Status.ACCOUNT_FAILED, "535 5.7.8 authentication failed"));
        List<SendRecord> a = engine.replan(A, T0).planned();
        assertThat(engine.send(a.get(0).id(), a.get(0).dueAt())).isEmpty();
        Enrolment paused = ramps.find(A).orElseThrow();
        assertThat(paused.status()).isEqualTo(AccountStatus.PAUSED);
        assertThat(paused.problem()).contains("535 5.7.8");
        int submitted = mail.submitted.size();
        engine.send(a.get(1).id(), a.get(1).dueAt());
        assertThat(mail.submitted).as("a paused account sends nothing more").hasSize(submitted);
        assertThat(ledger.rows(A, DAY1)).extracting(SendRecord::state)
                .containsExactly(SendState.SKIPPED, SendState.SKIPPED, SendState.PLANNED);

        sendDay(B, T0);
        assertThat(ledger.rows(B, DAY1)).extracting(SendRecord::state).containsOnly(SendState.SENT);
        Instant day2 = T0.plus(Duration.ofDays(1));
        assertThat(engine.replan(A, day2).volume()).isZero();
        assertThat(engine.replan(B, day2).planned()).extracting(SendRecord::recipient).containsOnly(C);

        assertThat(ramps.resume(A, day2)).isTrue();
        assertThat(ramps.find(A).orElseThrow().problem()).isNull();
        assertThat(engine.replan(A, day2.plus(Duration.ofDays(1))).volume()).isPositive();
    }

    @Test
    void deferralsRetryWithBackoffThenGiveUp() {
        mail.script.put(A, m -> new Outbox.SendOutcome(Outbox.Status.DEFERRED, "421 4.7.0 try again later"));
        SendRecord row = engine.replan(A, T0).planned().getFirst();
        Instant t = row.dueAt();
        for (int attempt = 1; attempt < engine.settings().maxAttempts(); attempt++) {
            Optional<Instant> next = engine.send(row.id(), t);
            assertThat(next).contains(t.plus(engine.settings().deferBackoff().multipliedBy(attempt)));
            assertThat(ledger.find(row.id()).orElseThrow().state()).isEqualTo(SendState.PLANNED);
            t = next.orElseThrow();
        }
        assertThat(engine.send(row.id(), t)).isEmpty();
        SendRecord failed = ledger.find(row.id()).orElseThrow();
        assertThat(failed.state()).isEqualTo(SendState.FAILED);
        assertThat(failed.detail()).contains("421 4.7.0");
        assertThat(ramps.find(A).orElseThrow().active()).as("a deferral does not pause").isTrue();
    }

    @Test
    void engagementCountsObservationsAndAFailedPassPausesOnlyItsAccount() {
        SendRecord row = engine.replan(A, T0).planned().getFirst();
        engine.send(row.id(), row.dueAt());
        Instant seen = row.dueAt().plusSeconds(600);
        engagements.put(row.recipient(), new Engager.EngagementResult(List.of(new Observation(row.token(),
                row.messageId(), A, "Junk", Placement.SPAM, true, false, true, seen)), 0, null));
        String other = row.recipient().equals(B) ? C : B;
        engagements.put(other, new Engager.EngagementResult(List.of(), 0, "IMAP connection lost", false, List.of()));

        assertThat(engine.engage(row.recipient(), seen)).contains(seen.plus(engine.settings().engageInterval()));
        assertThat(engine.engage(row.recipient(), seen.plusSeconds(1))).isPresent();
        engine.engage(other, seen);
        assertThat(ramps.find(other).orElseThrow()).as("a passing failure is shown, not paused")
                .satisfies(e -> assertThat(e.active()).isTrue())
                .satisfies(e -> assertThat(e.problem()).isEqualTo("last engagement pass failed: IMAP connection lost"));
        engagements.put(other, new Engager.EngagementResult(List.of(), 0, null));
        engine.engage(other, seen.plusSeconds(60));
        assertThat(ramps.find(other).orElseThrow().problem()).as("cleared by a good pass").isNull();
        engagements.put(other, new Engager.EngagementResult(List.of(), 0, "IMAP login refused: AUTHENTICATIONFAILED",
                true, List.of()));
        engine.engage(other, seen.plusSeconds(120));

        DailyStats a = stats.days(A, DAY1, DAY1).getFirst();
        assertThat(a.spam()).as("counted once however many passes").isEqualTo(1);
        assertThat(ramps.find(other).orElseThrow().problem()).isEqualTo("engagement failed: IMAP login refused: AUTHENTICATIONFAILED");
        assertThat(ramps.find(other).orElseThrow().active()).isFalse();
        assertThat(ramps.find(row.recipient()).orElseThrow().active()).isTrue();
        assertThat(ramps.find(A).orElseThrow().active()).isTrue();
    }

    @Test
    void twoNodesRacingForTheSameRowsSendEachOnce() throws Exception {
        List<SendRecord> rows = new ArrayList<>();
        for (String s : List.of(A, B, C)) {
            rows.addAll(engine.replan(s, T0).planned());
        }
        WarmupEngine first = engine;
        try (Store second = openSecond()) {
            WarmupEngine other = engine(second, "node-2");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> all = new ArrayList<>();
                for (SendRecord r : rows) {
                    all.add(pool.submit(() -> first.send(r.id(), r.dueAt())));
                    all.add(pool.submit(() -> other.send(r.id(), r.dueAt())));
                }
                for (Future<?> f : all) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
        }
        assertThat(mail.submitted).hasSize(rows.size());
        for (SendRecord r : rows) {
            assertThat(mail.delivered(r.messageId())).isEqualTo(1);
        }
    }

    /** A second connection pool on the same database, as a second node has. */
    abstract Store openSecond();

    private void sendDay(String sender, Instant now) {
        for (SendRecord r : engine.replan(sender, now).planned()) {
            engine.send(r.id(), r.dueAt());
        }
    }
}
