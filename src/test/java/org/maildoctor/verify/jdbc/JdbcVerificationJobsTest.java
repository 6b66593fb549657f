package org.maildoctor.verify.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maildoctor.store.Store;
import org.maildoctor.store.StoreConfig;
import org.maildoctor.verify.bulk.RowResult;
import org.maildoctor.verify.bulk.VerificationJobs;
import org.maildoctor.verify.bulk.VerificationJobs.InputRow;

/** Claims, results and put-back on the embedded H2 store (the PostgreSQL path: VerifyClusterPostgresIT). */
class JdbcVerificationJobsTest {
    @TempDir
    Path dir;

    @Test
    void claimsNeverOverlapAndOnlyClaimsWithoutResultArePutBack() {
        try (Store store = Store.open(StoreConfig.of(dir.resolve("db"), null))) {
            Clock t0 = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
            JdbcVerificationJobs jobs = new JdbcVerificationJobs(store.dataSource(), t0);
            long id = jobs.openOrCreate("key", "list.csv").id();
            jobs.importRows(id, LongStream.rangeClosed(1, 10).mapToObj(i -> new InputRow(i, "a" + i + "@x.test")).toList());
            assertThat(jobs.importedRows(id)).isEqualTo(10);

            List<InputRow> first = jobs.claim(id, "w1", 4);
            List<InputRow> second = jobs.claim(id, "w2", 4);
            assertThat(first).extracting(InputRow::row).containsExactly(1L, 2L, 3L, 4L);
            assertThat(second).extracting(InputRow::row).containsExactly(5L, 6L, 7L, 8L);
            assertThat(jobs.claimedCount(id)).isEqualTo(8);

            jobs.record(id, List.of(row(1), row(2), row(5)));
            assertThat(jobs.claimedCount(id)).isEqualTo(5);
            // claims made before the cut-off without a result: 3, 4, 6, 7, 8
            assertThat(jobs.releaseClaims(id, Instant.parse("2026-01-01T00:00:00Z"))).isZero();
            assertThat(jobs.releaseClaims(id, Instant.parse("2026-01-01T00:00:01Z"))).isEqualTo(5);
            assertThat(jobs.claim(id, "w3", 100)).extracting(InputRow::row).containsExactly(3L, 4L, 6L, 7L, 8L, 9L, 10L);
            assertThat(jobs.claim(id, "w3", 100)).isEmpty();
            assertThat(jobs.doneCount(id)).isEqualTo(3);
        }
    }

    @Test
    void startedRowsAreNeverPutBackButTakenOverOnceOrRetriedOnRequest() {
        try (Store store = Store.open(StoreConfig.of(dir.resolve("db"), null))) {
            Clock t0 = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
            JdbcVerificationJobs jobs = new JdbcVerificationJobs(store.dataSource(), t0);
            long id = jobs.openOrCreate("key", "list.csv").id();
            jobs.importRows(id, LongStream.rangeClosed(1, 6).mapToObj(i -> new InputRow(i, "a" + i + "@x.test")).toList());
            jobs.claim(id, "w1", 6);
            jobs.markStarted(id, List.of(1L, 2L, 3L));
            jobs.markStarted(id, List.of(4L, 99L)); // 99 is no row: ignored
            jobs.record(id, List.of(row(1)));
            assertThat(jobs.claimedCount(id)).isEqualTo(5);
            Instant later = Instant.parse("2026-01-01T00:00:01Z");

            // only the never-started claims (5, 6) are safe to ask again
            assertThat(jobs.releaseClaims(id, later)).isEqualTo(2);
            assertThat(jobs.claim(id, "w2", 100)).extracting(InputRow::row).containsExactly(5L, 6L);
            assertThat(jobs.claimInterrupted(id, "w2", Instant.parse("2026-01-01T00:00:00Z"), 10)).isEmpty();
            // w2 comes a second later: its stamp is not before the cut-off
            JdbcVerificationJobs jobsLater = new JdbcVerificationJobs(store.dataSource(), Clock.fixed(later, ZoneOffset.UTC));
            List<InputRow> taken = jobsLater.claimInterrupted(id, "w2", later, 2);
            assertThat(taken).extracting(InputRow::row).containsExactly(2L, 3L);
            // re-stamped now: another worker with the same cut-off does not take them too
            assertThat(jobsLater.claimInterrupted(id, "w3", later, 10)).extracting(InputRow::row).containsExactly(4L);
            assertThat(jobsLater.claimInterrupted(id, "w3", later, 10)).isEmpty();
            jobs.record(id, List.of(interrupted(2), interrupted(3)));
            assertThat(jobs.doneCount(id)).isEqualTo(3);

            // the opt-in: 4 (started, no result) and the interrupted verdicts 2, 3 go back to pending
            Instant evenLater = Instant.parse("2026-01-01T00:00:02Z");
            assertThat(jobs.retryInterrupted(id, evenLater)).isEqualTo(3);
            assertThat(jobs.doneCount(id)).isEqualTo(1);
            assertThat(jobs.state(id).orElseThrow().done()).isEqualTo(1);
            assertThat(jobs.claim(id, "w4", 100)).extracting(InputRow::row).containsExactly(2L, 3L, 4L);
        }
    }

    private static RowResult interrupted(long n) {
        return new RowResult(n, "a" + n + "@x.test", "unknown", "interrupted", null, null, null, null, null, null, null);
    }

    private static RowResult row(long n) {
        return new RowResult(n, "a" + n + "@x.test", "deliverable", "accepted", null, null, null, "mx.x.test", 250,
                "2.1.5", "Ok");
    }

    @Test
    void hostSlotsAreSharedBetweenHoldersAndFreedOnClose() throws Exception {
        try (Store store = Store.open(StoreConfig.of(dir.resolve("db2"), null))) {
            JdbcHostSlots a = new JdbcHostSlots(store.dataSource(), Clock.systemUTC(), "a", 1, Duration.ofMinutes(1));
            JdbcHostSlots b = new JdbcHostSlots(store.dataSource(), Clock.systemUTC(), "b", 1, Duration.ofMinutes(1));
            var held = a.acquire("mx.x.test");
            Thread waiter = Thread.ofVirtual().start(() -> {
                try {
                    b.acquire("mx.x.test").close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertThat(waiter.join(Duration.ofMillis(300))).as("b waits while a holds the only slot").isFalse();
            b.acquire("other.x.test").close(); // another host has its own slots
            held.close();
            assertThat(waiter.join(Duration.ofSeconds(5))).as("b gets the slot once a frees it").isTrue();
        }
    }
}
