package org.maildoctor.verify.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maildoctor.dns.CachingResolver;
import org.maildoctor.dns.dnsjava.DnsjavaResolver;
import org.maildoctor.store.PostgresTestDatabase;
import org.maildoctor.store.Store;
import org.maildoctor.store.StoreConfig;
import org.maildoctor.store.jobs.JobScheduler;
import org.maildoctor.store.jobs.JobSchedulerConfig;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.maildoctor.testing.Harness;
import org.maildoctor.verify.ProbeSession;
import org.maildoctor.verify.ProbeTransport;
import org.maildoctor.verify.RateLimits;
import org.maildoctor.verify.Verifier;
import org.maildoctor.verify.VerifyOptions;
import org.maildoctor.verify.adapter.SmtpProbeClient;
import org.maildoctor.verify.adapter.SmtpProbeConfig;
import org.maildoctor.verify.bulk.BulkJobRunner;
import org.maildoctor.verify.bulk.BulkSummary;
import org.maildoctor.verify.bulk.VerificationJobs;

/**
 * Two workers (each its own verifier, caches and database connections, as two nodes would have)
 * work one bulk job on PostgreSQL against the harness Postfix: every row is verified exactly once
 * (RCPTs counted per address at the transport), both workers do part of the job, and the per-MX
 * session limit shared through the database holds across both.
 */
class VerifyClusterPostgresIT {
    private static final int ROWS = 2_000;
    private static final int PER_HOST = 2;

    @TempDir
    Path dir;
    private PostgresTestDatabase db;
    private Store store;

    @BeforeEach
    void open() throws Exception {
        db = PostgresTestDatabase.create();
        store = Store.open(new StoreConfig(dir.resolve("unused"), Optional.of(db.url())));
    }

    @AfterEach
    void close() throws Exception {
        store.close();
        db.close();
    }

    /** Counts RCPTs per address and open sessions per host, across every worker. */
    private static final class Meter implements ProbeTransport {
        final ProbeTransport delegate;
        final Map<String, AtomicInteger> rcpts = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();
        final Map<String, Integer> maxOpen = new ConcurrentHashMap<>();

        Meter(ProbeTransport delegate) {
            this.delegate = delegate;
        }

        @Override
        public Opened open(String host, InetAddress address) {
            AtomicInteger n = open.computeIfAbsent(host, h -> new AtomicInteger());
            int now = n.incrementAndGet();
            maxOpen.merge(host, now, Math::max);
            Opened o = delegate.open(host, address);
            if (!(o instanceof Opened.Ready(ProbeSession s))) {
                n.decrementAndGet();
                return o;
            }
            return new Opened.Ready(new ProbeSession() {
                @Override
                public Step rcpt(String a) {
                    rcpts.computeIfAbsent(a, k -> new AtomicInteger()).incrementAndGet();
                    return s.rcpt(a);
                }

                @Override
                public List<Step> rcptAll(List<String> as) {
                    as.forEach(a -> rcpts.computeIfAbsent(a, k -> new AtomicInteger()).incrementAndGet());
                    return s.rcptAll(as);
                }

                @Override
                public Step reset() {
                    return s.reset();
                }

                @Override
                public List<String> transcript() {
                    return s.transcript();
                }

                @Override
                public void clearTranscript() {
                    s.clearTranscript();
                }

                @Override
                public void close() {
                    s.close();
                    n.decrementAndGet();
                }
            });
        }
    }

    private BulkJobRunner worker(String node, Meter meter, VerificationJobs jobs) {
        return worker(node, meter, jobs, store.dataSource());
    }

    private BulkJobRunner worker(String node, Meter meter, VerificationJobs jobs, javax.sql.DataSource ds) {
        var resolver = new CachingResolver(new DnsjavaResolver(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), Harness.dnsPort()), Duration.ofSeconds(3), 1));
        VerifyOptions options = VerifyOptions.defaults().withAllowPrivate(true).withGreylistDelays(List.of())
                .withConcurrency(4, 16).withRateLimits(RateLimits.NONE);
        Verifier verifier = Verifier.create(resolver, meter, options,
                new JdbcHostSlots(ds, Clock.systemUTC(), node, PER_HOST, Duration.ofMinutes(10)));
        return new BulkJobRunner(verifier, jobs, Clock.systemUTC(), node, Duration.ofMinutes(10));
    }

    private Path input() throws Exception {
        StringBuilder sb = new StringBuilder("email\n");
        for (int i = 0; i < ROWS; i++) {
            sb.append(switch (i % 4) {
                case 0, 1 -> "user" + i + "@good.test";
                case 2 -> "x" + i + "@catchall.test";
                default -> i % 8 == 3 ? "alice@good.test" : "broken " + i;
            }).append('\n');
        }
        Path input = dir.resolve("list.csv");
        Files.writeString(input, sb.toString(), StandardCharsets.UTF_8);
        return input;
    }

    @Test
    void twoWorkersShareOneJobEveryRowOnceWithinTheSharedMxLimit() throws Exception {
        Path input = input();
        Meter meter = new Meter(new SmtpProbeClient(new SmtpProbeConfig(Harness.smtpPort(), "verify-it.test",
                "probe@good.test", Duration.ofSeconds(3), Duration.ofSeconds(3), true)));
        JdbcVerificationJobs jobs = new JdbcVerificationJobs(store.dataSource(), Clock.systemUTC());
        VerificationJobs.JobRef job = worker("a", meter, jobs).prepare(input, null);

        List<BulkSummary> done;
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<BulkSummary> a = pool.submit(() -> worker("node-a", meter, jobs).work(job, null));
            Future<BulkSummary> b = pool.submit(() -> worker("node-b", meter, jobs).work(job, null));
            done = List.of(a.get(), b.get());
        }

        assertThat(done.get(0).verifiedNow() + done.get(1).verifiedNow()).isEqualTo(ROWS);
        assertThat(done).allSatisfy(s -> assertThat(s.verifiedNow()).as("each worker took part").isPositive());
        assertEveryRowOnceWithinTheLimit(meter);
    }

    private void assertEveryRowOnceWithinTheLimit(Meter meter) throws Exception {
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT row_no), SUM(CASE WHEN verdict ="
                     + " 'undeliverable' AND reason = 'userunknown' THEN 1 ELSE 0 END) FROM verification_result")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(ROWS);
            assertThat(rs.getLong(2)).isEqualTo(ROWS);
            assertThat(rs.getLong(3)).isEqualTo(ROWS / 2);
        }
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MAX(claims), COUNT(*) FROM verification_row WHERE state = 'DONE'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("no row claimed twice").isEqualTo(1);
            assertThat(rs.getLong(2)).isEqualTo(ROWS);
        }
        for (int i = 0; i < ROWS; i++) {
            if (i % 4 < 2) {
                assertThat(meter.rcpts.get("user" + i + "@good.test")).as("RCPTs for user" + i).hasValue(1);
            } else if (i % 4 == 2) {
                assertThat(meter.rcpts.get("x" + i + "@catchall.test")).as("RCPTs for x" + i).hasValue(1);
            }
        }
        assertThat(meter.maxOpen).isNotEmpty();
        assertThat(meter.maxOpen.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(PER_HOST));
        assertThat(meter.maxOpen.values()).as("both workers' sessions overlapped up to the limit").contains(PER_HOST);
    }

    /**
     * The same through db-scheduler: two nodes (each its own store pool, scheduler, verifier and
     * MX slots) register the worker task; two executions are submitted for the job, one runs on
     * each node (one scheduler thread per node), and together they verify every row once.
     */
    @Test
    void twoSchedulerNodesWorkOneJobThroughDbScheduler() throws Exception {
        Path input = input();
        Meter meter = new Meter(new SmtpProbeClient(new SmtpProbeConfig(Harness.smtpPort(), "verify-it.test",
                "probe@good.test", Duration.ofSeconds(3), Duration.ofSeconds(3), true)));
        JdbcVerificationJobs jobs = new JdbcVerificationJobs(store.dataSource(), Clock.systemUTC());
        VerificationJobs.JobRef job = worker("submitter", meter, jobs).prepare(input, null);

        List<Store> nodeStores = new java.util.ArrayList<>();
        List<JobScheduler> nodes = new java.util.ArrayList<>();
        try {
            OneTimeTask<Long> firstTask = null;
            for (String node : List.of("node-a", "node-b")) {
                Store nodeStore = Store.open(new StoreConfig(dir.resolve("unused-" + node), Optional.of(db.url())));
                nodeStores.add(nodeStore);
                JdbcVerificationJobs nodeJobs = new JdbcVerificationJobs(nodeStore.dataSource(), Clock.systemUTC());
                OneTimeTask<Long> task = ClusterWorkers.task(() -> worker(node, meter, nodeJobs, nodeStore.dataSource()),
                        nodeJobs);
                firstTask = firstTask == null ? task : firstTask;
                nodes.add(JobScheduler.start(nodeStore, Clock.systemUTC(),
                        new JobSchedulerConfig(node, Duration.ofMinutes(1), Duration.ofMillis(200), 1), List.of(task)));
            }
            ClusterWorkers.submit(nodes.getFirst(), firstTask, job.id(), 2, java.time.Instant.now());
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (System.nanoTime() < deadline
                    && !"SUCCEEDED".equals(jobs.state(job.id()).orElseThrow().status())) {
                Thread.sleep(200);
            }
        } finally {
            nodes.forEach(JobScheduler::close);
            nodeStores.forEach(Store::close);
        }
        assertThat(jobs.state(job.id()).orElseThrow().status()).isEqualTo("SUCCEEDED");
        assertEveryRowOnceWithinTheLimit(meter);
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(DISTINCT claimed_by) FROM verification_row")) {
            rs.next();
            assertThat(rs.getInt(1)).as("both nodes claimed rows").isEqualTo(2);
        }
    }
}