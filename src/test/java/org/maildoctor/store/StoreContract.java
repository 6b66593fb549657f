package org.maildoctor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.maildoctor.store.jobs.JobScheduler;
import org.maildoctor.store.jobs.JobSchedulerConfig;

/**
 * The behaviour every store backend must have; subclasses supply a fresh, empty database per test.
 */
abstract class StoreContract {
    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    protected MutableClock clock;
    protected StoreConfig config;
    protected Store store;

    /** A config pointing at a new empty database. */
    protected abstract StoreConfig freshDatabase() throws Exception;

    /** Removes what {@link #freshDatabase()} created. */
    protected abstract void dropDatabase() throws Exception;

    /** Increments per writer in the concurrency test. */
    protected int increments() {
        return 150;
    }

    @BeforeEach
    void openStore() throws Exception {
        clock = new MutableClock(T0);
        config = freshDatabase();
        store = Store.open(config, clock);
    }

    @AfterEach
    void closeStore() throws Exception {
        if (store != null) {
            store.close();
        }
        dropDatabase();
    }

    @Test
    void migrationsApplyOnFreshDatabaseAndAreIdempotentOnReopen() {
        assertThat(store.schemaVersion()).contains(ShippedMigrations.latestVersion());
        store.settings().put("k", "v");
        store.close();

        store = Store.open(config, clock);
        assertThat(store.schemaVersion()).contains(ShippedMigrations.latestVersion());
        assertThat(store.settings().get("k")).map(Setting::value).contains("v");
    }

    @Test
    void settingsCrud() {
        SettingsRepository s = store.settings();
        assertThat(s.get("smtp.host")).isEmpty();

        Setting first = s.put("smtp.host", "mx.example");
        assertThat(first).isEqualTo(new Setting("smtp.host", "mx.example", T0, 1));
        assertThat(s.get("smtp.host")).contains(first);

        clock.advance(Duration.ofSeconds(5));
        Setting second = s.put("smtp.host", "mx2.example");
        assertThat(second.version()).isEqualTo(2);
        assertThat(s.get("smtp.host")).contains(new Setting("smtp.host", "mx2.example", T0.plusSeconds(5), 2));

        s.put("a.first", "1");
        assertThat(s.list()).extracting(Setting::key).containsExactly("a.first", "smtp.host");

        assertThat(s.delete("smtp.host")).isTrue();
        assertThat(s.delete("smtp.host")).isFalse();
        assertThat(s.get("smtp.host")).isEmpty();
        assertThat(s.list()).extracting(Setting::key).containsExactly("a.first");
    }

    @Test
    void compareAndSetRejectsStaleVersions() {
        SettingsRepository s = store.settings();
        assertThat(s.compareAndSet("k", 0, "a")).isTrue();
        assertThat(s.compareAndSet("k", 0, "b")).as("key exists already").isFalse();
        assertThat(s.compareAndSet("k", 1, "c")).isTrue();
        assertThat(s.compareAndSet("k", 1, "d")).as("stale version").isFalse();
        assertThat(s.get("k")).map(Setting::value).contains("c");
        assertThat(s.get("k")).map(Setting::version).contains(2L);
    }

    @Test
    void updateSeesAbsentValueAsNull() {
        Setting created = store.settings().update("counter", old -> old == null ? "first" : old + "!");
        assertThat(created.value()).isEqualTo("first");
        assertThat(store.settings().update("counter", old -> old + "!").value()).isEqualTo("first!");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void concurrentWritersThroughTwoStoresLoseNoUpdate() throws Exception {
        int n = increments();
        // two Store instances = two pools, as two processes would have
        try (Store other = Store.open(config, Clock.systemUTC())) {
            List<Store> writers = List.of(store, other);
            ExecutorService pool = Executors.newFixedThreadPool(writers.size());
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (Store w : writers) {
                    done.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < n; i++) {
                            w.settings().update("counter", old -> Long.toString(old == null ? 1 : Long.parseLong(old) + 1));
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : done) {
                    f.get(110, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            Setting result = other.settings().get("counter").orElseThrow();
            assertThat(result.value()).isEqualTo(Long.toString(2L * n));
            assertThat(result.version()).isEqualTo(2L * n);
        }
    }

    @Test
    void tokensAreValidUntilExpiryAndSingleUse() {
        TokenRepository t = store.tokens();
        IssuedToken token = t.issue("deliverability-test", "alice@example.org", Duration.ofMinutes(30));
        assertThat(token.token()).matches("[0-9a-f]{32}");
        assertThat(token.createdAt()).isEqualTo(T0);
        assertThat(token.expiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        assertThat(t.findValid(token.token())).contains(token);
        assertThat(t.issue("deliverability-test", "alice@example.org", Duration.ofMinutes(30)).token())
                .isNotEqualTo(token.token());

        clock.advance(Duration.ofMinutes(29));
        assertThat(t.findValid(token.token())).isPresent();
        clock.advance(Duration.ofMinutes(1));
        assertThat(t.findValid(token.token())).as("expired exactly at expiresAt").isEmpty();
        assertThat(t.find(token.token())).contains(token);
        assertThat(t.markUsed(token.token())).as("expired tokens cannot be used").isFalse();
        assertThat(t.findValid("no-such-token")).isEmpty();
    }

    @Test
    void markUsedConsumesOnce() {
        TokenRepository t = store.tokens();
        IssuedToken token = t.issue("deliverability-test", "example.org", Duration.ofHours(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(t.markUsed(token.token())).isTrue();
        assertThat(t.markUsed(token.token())).isFalse();
        assertThat(t.findValid(token.token())).isEmpty();
        assertThat(t.find(token.token()).orElseThrow().usedAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
    }

    @Test
    void expireRevokesAndPurgeDeletesExpired() {
        TokenRepository t = store.tokens();
        IssuedToken revoked = t.issue("p", "a@example.org", Duration.ofHours(1));
        IssuedToken kept = t.issue("p", "b@example.org", Duration.ofHours(1));
        assertThat(t.expire(revoked.token())).isTrue();
        assertThat(t.expire("unknown")).isFalse();
        assertThat(t.findValid(revoked.token())).isEmpty();
        assertThat(t.findValid(kept.token())).isPresent();

        assertThat(t.purgeExpired()).isEqualTo(1);
        assertThat(t.find(revoked.token())).isEmpty();
        assertThat(t.find(kept.token())).isPresent();
    }

    @Test
    void jobsCreateAndUpdate() {
        JobRepository jobs = store.jobs();
        Job job = jobs.create("verify-list", "{\"addresses\":3}");
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(job.progress()).isEqualTo(JobProgress.NONE);
        assertThat(jobs.get(job.id())).contains(job);
        Job second = jobs.create("verify-list", null);
        assertThat(second.id()).isNotEqualTo(job.id());

        clock.advance(Duration.ofSeconds(3));
        Job running = jobs.updateStatus(job.id(), JobStatus.RUNNING, new JobProgress(3, 1, 0)).orElseThrow();
        assertThat(running).isEqualTo(new Job(job.id(), "verify-list", JobStatus.RUNNING, T0, T0.plusSeconds(3),
                "{\"addresses\":3}", new JobProgress(3, 1, 0)));
        assertThat(jobs.get(second.id()).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);
        assertThat(jobs.updateStatus(987654321L, JobStatus.FAILED, JobProgress.NONE)).isEmpty();
        assertThat(jobs.get(987654321L)).isEmpty();
    }

    @Test
    void receivedMessagesStoredTogetherKeepTheirOrderAndReportsLandInOneBatch() {
        List<ReceivedMessageRepository.Incoming> in = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            in.add(new ReceivedMessageRepository.Incoming(ReceivedMessage.incoming("tok", T0, "192.0.2." + k,
                    "mx.example", "a@example.org", List.of("t@test.example"), k == 1, 10 + k, "/spool/" + k),
                    ("message " + k).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        List<Long> ids = store.received().saveAll(in);
        assertThat(ids).hasSize(3).doesNotHaveDuplicates();
        for (int k = 0; k < 3; k++) {
            assertThat(store.received().raw(ids.get(k))).contains(in.get(k).raw());
        }
        for (int k = 0; k < 3; k++) {
            int n = k;
            assertThat(store.received().find(ids.get(k))).hasValueSatisfying(m -> {
                assertThat(m.clientIp()).isEqualTo("192.0.2." + n);
                assertThat(m.reportJson()).isEmpty();
            });
        }
        store.received().saveReports(List.of(new ReceivedMessageRepository.Report(ids.get(0), 9.5, "{\"a\":1}"),
                new ReceivedMessageRepository.Report(ids.get(2), 3.0, "{\"c\":3}")));
        assertThat(store.received().find(ids.get(0)).orElseThrow().reportJson()).hasValue("{\"a\":1}");
        assertThat(store.received().find(ids.get(1)).orElseThrow().reportJson()).isEmpty();
        assertThat(store.received().find(ids.get(2)).orElseThrow().score()).hasValue(3.0);
        assertThat(store.received().count()).isEqualTo(3);
    }

    @Test
    void pingAnswersWhileOpenAndFailsClearlyAfterClose() {
        store.ping();
        store.close();
        assertThatThrownBy(store::ping).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("database " + store.describe() + " is unavailable");
        store = null;
    }

    @Test
    void storeErrorsCarryTheDatabaseName() {
        // a value wider than the column: the failure names the database, for the one-line CLI message
        assertThatThrownBy(() -> store.tokens().issue("x".repeat(51), "s", Duration.ofMinutes(1)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(store.describe());
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void twoSchedulersRunEachHeartbeatExactlyOnce() throws Exception {
        JobSchedulerConfig base = JobSchedulerConfig.defaults()
                .withHeartbeatInterval(Duration.ofMillis(700))
                .withPollingInterval(Duration.ofMillis(100));
        int wanted = 6;
        List<SchedulerRun> runs;
        try (Store second = Store.open(config, Clock.systemUTC());
             JobScheduler a = JobScheduler.start(store, Clock.systemUTC(), base.withNodeName("node-a"));
             JobScheduler b = JobScheduler.start(second, Clock.systemUTC(), base.withNodeName("node-b"))) {
            assertThat(List.of(a.nodeName(), b.nodeName())).containsExactly("node-a", "node-b");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            // wait until both nodes have competed: exactly-once means little if one node ran everything
            do {
                Thread.sleep(200);
                runs = store.schedulerRuns().list(JobScheduler.HEARTBEAT_TASK);
            } while ((runs.size() < wanted || nodes(runs).size() < 2) && System.nanoTime() < deadline);
        }
        // both schedulers have stopped: the log is final
        runs = store.schedulerRuns().list(JobScheduler.HEARTBEAT_TASK);
        assertThat(runs).hasSizeGreaterThanOrEqualTo(wanted);
        Set<Instant> distinct = runs.stream().map(SchedulerRun::scheduledFor).collect(Collectors.toSet());
        assertThat(distinct).as("each scheduled instant ran exactly once: %s", runs).hasSize(runs.size());
        assertThat(nodes(runs)).containsExactlyInAnyOrder("node-a", "node-b");
        assertThat(store.schedulerRuns().latest(JobScheduler.HEARTBEAT_TASK)).contains(runs.getLast());
    }

    private static Set<String> nodes(List<SchedulerRun> runs) {
        return runs.stream().map(SchedulerRun::node).collect(Collectors.toSet());
    }
}
