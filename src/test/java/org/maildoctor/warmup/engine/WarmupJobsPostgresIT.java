package org.maildoctor.warmup.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.maildoctor.store.PostgresTestDatabase;
import org.maildoctor.store.Store;
import org.maildoctor.store.StoreConfig;
import org.maildoctor.store.jobs.JobScheduler;
import org.maildoctor.store.jobs.JobSchedulerConfig;
import org.maildoctor.warmup.MailboxProvider;
import org.maildoctor.warmup.Planner;
import org.maildoctor.warmup.account.AccountRepository;
import org.maildoctor.warmup.account.AuthKind;
import org.maildoctor.warmup.account.Endpoint;
import org.maildoctor.warmup.account.TlsMode;
import org.maildoctor.warmup.engine.jobs.WarmupJobs;
import org.maildoctor.warmup.jdbc.JdbcAccountRepository;
import org.maildoctor.warmup.jdbc.JdbcRampRepository;
import org.maildoctor.warmup.jdbc.JdbcSendLedger;
import org.maildoctor.warmup.jdbc.JdbcStatsRepository;

/**
 * Two nodes (two db-scheduler instances with their own pools) on one PostgreSQL database run three
 * simulated days of the warm-up jobs: both take part, and every planned message goes out exactly once.
 */
class WarmupJobsPostgresIT {

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void twoNodesShareTheJobsAndSendEachMessageOnce() throws Exception {
        TickingClock clock = new TickingClock(WarmupEngineContract.T0);
        FakeMail mail = new FakeMail();
        List<String> senders = List.of("a1@one.test", "a2@one.test", "b1@two.test", "b2@two.test", "c1@three.test");
        try (PostgresTestDatabase db = PostgresTestDatabase.create();
             Store one = Store.open(StoreConfig.of(Path.of("unused"), db.url()), clock);
             Store two = Store.open(StoreConfig.of(Path.of("unused"), db.url()), clock)) {
            AccountRepository accounts = new JdbcAccountRepository(one.dataSource(), clock);
            for (String a : senders) {
                Endpoint e = new Endpoint("127.0.0.1", 2525, TlsMode.NONE);
                accounts.add(new AccountRepository.NewAccount(a, MailboxProvider.CUSTOM, e, e, a, AuthKind.PASSWORD), "v1:x");
            }
            ClockStepper stepper = new ClockStepper(clock, one.dataSource(), Duration.ofHours(1));
            try (JobScheduler a = start(one, clock, mail, "node-a"); JobScheduler b = start(two, clock, mail, "node-b")) {
                stepper.runUntil(WarmupEngineContract.T0.plus(Duration.ofDays(3)));
            }
            JdbcSendLedger ledger = new JdbcSendLedger(one.dataSource());
            LocalDate day1 = WarmupEngineContract.DAY1;
            for (int d = 0; d < 3; d++) {
                LocalDate day = day1.plusDays(d);
                for (String s : senders) {
                    assertThat(ledger.rows(s, day)).as("%s on %s", s, day).hasSize(3 + 2 * d)
                            .allSatisfy(r -> assertThat(r.state()).isEqualTo(SendState.SENT));
                }
            }
            List<String> ids = new ArrayList<>();
            Map<String, Integer> byNode = new HashMap<>();
            // the fourth day was planned at 00:05 and its messages are not due yet
            try (Connection c = one.dataSource().getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT message_id, claimed_by FROM warmup_send WHERE state = 'sent'")) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                    byNode.merge(rs.getString(2), 1, Integer::sum);
                }
            }
            assertThat(ids).hasSize(senders.size() * (3 + 5 + 7));
            assertThat(mail.submitted).hasSize(ids.size());
            assertThat(ids).allSatisfy(id -> assertThat(mail.delivered(id)).isEqualTo(1));
            assertThat(byNode.keySet()).as("both nodes sent: %s", byNode).isEqualTo(Set.of("node-a", "node-b"));
            assertThat(new JdbcStatsRepository(one.dataSource()).days("a1@one.test", day1, day1.plusDays(2)))
                    .extracting(s -> s.sent()).containsExactly(3, 5, 7);
        }
    }

    static JobScheduler start(Store store, TickingClock clock, FakeMail mail, String node) {
        AtomicLong seeds = new AtomicLong(node.hashCode() * 7_919L);
        WarmupEngine engine = new WarmupEngine(new WarmupEngine.Ports(new JdbcAccountRepository(store.dataSource(), clock),
                new JdbcRampRepository(store.dataSource()), new JdbcSendLedger(store.dataSource()),
                new JdbcStatsRepository(store.dataSource()), mail,
                (m, p, now) -> new Engager.EngagementResult(List.of(), 0, null), mail, mail),
                new Planner(clock), new SendThrottle(SendLimits.defaults()),
                EngineSettings.defaults().withEngageInterval(Duration.ofHours(2)), node, seeds::incrementAndGet);
        WarmupJobs jobs = new WarmupJobs(engine, clock, WarmupEngineContract.DEFAULTS);
        JobSchedulerConfig config = new JobSchedulerConfig(node, Duration.ofMinutes(1), Duration.ofMillis(20), 3);
        return JobScheduler.start(store, clock, config, jobs.tasks());
    }
}
