package org.maildoctor.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maildoctor.dns.FakeZone;
import org.maildoctor.store.Store;
import org.maildoctor.store.StoreConfig;
import org.maildoctor.verify.bulk.BulkJobRunner;
import org.maildoctor.verify.bulk.BulkSummary;
import org.maildoctor.verify.bulk.VerificationJobs;
import org.maildoctor.verify.jdbc.JdbcVerificationJobs;

/**
 * A bulk job whose process dies with RCPTs in flight (simulated: the transport throws mid-batch,
 * after the batch was marked started and its first RCPTs written): the next run probes the rows
 * that never started, gives the started ones unknown/interrupted, and probes no address twice.
 */
class BulkInterruptTest {
    private static final int ROWS = 120;

    @TempDir
    Path dir;

    private final FakeZone zone = FakeZone.builder().mx("example.org", 10, "mx1.example.org")
            .a("mx1.example.org", "203.0.113.10").build();

    private Verifier verifier(ScriptedTransport t) {
        return new Verifier(zone, t, VerifyOptions.defaults().withAllowPrivate(true).withGreylistDelays(List.of())
                .withRateLimits(RateLimits.NONE).withConcurrency(1, 1), AddressLists.standard(),
                TypoSuggester.standard(), AcceptAllProviders.standard(), ReplyInterpreter.standard(), d -> { });
    }

    /** Mailboxes exist; the random catch-all probe address does not. */
    private static String answer(String address) {
        return address.startsWith("md-probe-") ? "550 5.1.1 User unknown" : "250 2.1.5 Ok";
    }

    @Test
    void rowsInFlightAtACrashAreInterruptedNotProbedTwice() throws Exception {
        StringBuilder csv = new StringBuilder("email\n");
        IntStream.range(0, ROWS).forEach(i -> csv.append("u").append(i).append("@example.org\n"));
        Path input = dir.resolve("list.csv");
        Files.writeString(input, csv, StandardCharsets.UTF_8);
        String crashAt = "u50@example.org";
        ScriptedTransport dying = new ScriptedTransport(a -> {
            if (a.equals(crashAt)) {
                throw new IllegalStateException("process killed");
            }
            return answer(a);
        });
        ScriptedTransport second = new ScriptedTransport(BulkInterruptTest::answer);
        try (Store store = Store.open(StoreConfig.of(dir.resolve("db"), null))) {
            JdbcVerificationJobs jobs = new JdbcVerificationJobs(store.dataSource(), store.clock());
            BulkJobRunner first = new BulkJobRunner(verifier(dying), jobs);
            VerificationJobs.JobRef job = first.prepare(input, null);
            assertThatThrownBy(() -> first.work(job, null)).hasMessageContaining("process killed");

            BulkSummary summary = new BulkJobRunner(verifier(second), jobs).run(input, null, dir.resolve("out.csv"), null);

            // the batch holding u50 had been marked started: its rows (up to the 8-RCPT batch) are interrupted
            assertThat(summary.interrupted()).isBetween(1L, 8L);
            assertThat(summary.rows()).isEqualTo(ROWS);
            Map<String, Integer> rcpts = new HashMap<>();
            dying.rcpts.forEach(a -> rcpts.merge(a, 1, Integer::sum));
            second.rcpts.forEach(a -> rcpts.merge(a, 1, Integer::sum));
            rcpts.keySet().removeIf(a -> a.startsWith("md-probe-")); // the catch-all probe of each run
            assertThat(rcpts.values()).as("no address probed twice").allSatisfy(n -> assertThat(n).isEqualTo(1));
            assertThat(second.rcpts).doesNotContain(crashAt);
            List<String> out = Files.readAllLines(dir.resolve("out.csv"), StandardCharsets.UTF_8);
            assertThat(out).hasSize(ROWS + 1);
            List<String> interrupted = out.stream().filter(l -> l.contains(",unknown,interrupted,")).toList();
            assertThat(interrupted).hasSize((int) summary.interrupted()).anyMatch(l -> l.startsWith(crashAt + ","));
            // every other row has its real verdict: probed once, in the first run or the second
            assertThat(out.stream().filter(l -> l.contains(",deliverable,accepted,")).count())
                    .isEqualTo(ROWS - summary.interrupted());
            assertThat(rcpts).hasSize(ROWS - (int) summary.interrupted() + (dying.rcpts.contains(crashAt) ? 1 : 0));
        }
    }
}
