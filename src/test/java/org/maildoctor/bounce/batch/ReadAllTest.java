package org.maildoctor.bounce.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.maildoctor.bounce.BounceParser;
import org.maildoctor.bounce.BounceResult;
import org.maildoctor.bounce.ParseOutcome;

/**
 * {@link BounceBatch#readAll} on several threads reports exactly what reading the inputs one after
 * another reports, in the same order (results, no-results, warnings, unreadable inputs, summary), reads
 * small inputs on other threads and streams large or unsized ones on the caller's.
 */
class ReadAllTest {

    /** Everything a batch tells its listener and caller, in order, and the threads inputs were opened on. */
    static final class Log implements BatchListener {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void result(String source, long message, BounceResult r) {
            events.add("result " + source + "#" + message + " " + r.recipient() + " " + r.reason().code());
        }

        @Override
        public void noResult(String source, long message, ParseOutcome o) {
            events.add("none " + source + "#" + message + " " + o.getClass().getSimpleName());
        }

        @Override
        public void warning(String source, String text) {
            events.add("warning " + source + ": " + text);
        }
    }

    record Mem(String name, String content, long size, Set<String> openedOn) implements BounceBatch.Input {
        @Override
        public InputStream open() throws IOException {
            openedOn.add(Thread.currentThread().getName());
            if (content == null) {
                throw new IOException("permission denied");
            }
            return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
        }
    }

    static List<Mem> inputs(Set<String> openedOn) {
        List<Mem> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String content = switch (i % 5) {
                case 0 -> BounceParserSample.DSN.replace("jane@example.com", "user" + i + "@example.com");
                case 1 -> "From: friend@example.org\nSubject: hi " + i + "\n\nhello\n";
                case 2 -> i == 22 ? null : "";
                case 3 -> "From MAILER-DAEMON Sun Dec  6 01:00:00 2026\n" + BounceParserSample.DSN
                        + "From x@example.org Sun Dec  6 02:00:00 2026\nFrom: x@example.org\n\nplain\n";
                default -> "\u0000\u0001 binary " + i;
            };
            // every seventh input says it is large, and one has no size (like stdin): those are streamed here
            long size = i % 7 == 6 ? BounceBatch.READ_AHEAD_MAX_BYTES + 1 : i == 9 ? -1 : content == null ? 10 : content.length();
            out.add(new Mem("in-" + i, content, size, openedOn));
        }
        return out;
    }

    static List<String> run(int threads, Set<String> openedOn) {
        Log log = new Log();
        BatchSummary summary = new BatchSummary();
        BounceBatch batch = new BounceBatch(BounceParser.standard(), Duration.ofSeconds(10), log, summary, Year.of(2026));
        batch.readAll(inputs(openedOn), threads, (in, e) -> log.events.add("unreadable " + in.name() + ": " + e.getMessage()));
        List<String> all = new ArrayList<>(log.events);
        SummaryReport r = summary.report(OptionalLong.empty());
        all.add("decoded " + batch.decoded() + ", summary " + r.messages() + " messages, " + r.suppression().size() + " suppressed");
        return all;
    }

    /**
     * A message that never finishes, read ahead: the coordinator gives up on it after the cap, reads that
     * input again itself (where the ordinary time cap reports it), and the rest of the batch goes on.
     */
    @Test
    void aStuckReadAheadIsReadAgainUnderTheCapAndTheBatchGoesOn() {
        TimeCapTest.Stuck stuck = new TimeCapTest.Stuck();
        List<org.maildoctor.bounce.mta.MtaDialect> dialects = new ArrayList<>(List.of(stuck));
        dialects.addAll(org.maildoctor.bounce.mta.Dialects.all());
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<Mem> inputs = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            String m = TimeCapTest.msg(i, i == 2 || i == 4 ? "please hang" : "Undelivered");
            inputs.add(new Mem("in-" + i, m, m.length(), threads));
        }
        Log log = new Log();
        BounceBatch batch = new BounceBatch(new BounceParser(dialects), Duration.ofMillis(300), log, null, Year.of(2026));
        try {
            long start = System.nanoTime();
            batch.readAll(inputs, 2, (in, e) -> log.events.add("unreadable " + in.name()));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        } finally {
            stuck.release.set(true);
        }
        String late = "undecodable (time limit: parsing took longer than 300 ms; the message was skipped)";
        assertThat(log.events).containsExactly("result in-1#1 user1@example.com userunknown",
                "warning in-2: " + late, "none in-2#1 Undecodable",
                "result in-3#1 user3@example.com userunknown",
                "warning in-4: " + late, "none in-4#1 Undecodable",
                "result in-5#1 user5@example.com userunknown", "result in-6#1 user6@example.com userunknown");
        assertThat(batch.timedOut()).isEqualTo(2);
    }

    @Test
    void sameEventsInTheSameOrderAsOneAfterAnother() {
        Set<String> sequentialThreads = ConcurrentHashMap.newKeySet();
        List<String> sequential = run(1, sequentialThreads);
        Set<String> parallelThreads = ConcurrentHashMap.newKeySet();
        List<String> parallel = run(4, parallelThreads);

        assertThat(parallel).isEqualTo(sequential);
        assertThat(sequential).contains("unreadable in-22: permission denied", "result in-0#1 user0@example.com userunknown");
        assertThat(sequentialThreads).containsOnly(Thread.currentThread().getName());
        // small inputs were read ahead on the pool; large and unsized ones on this thread
        assertThat(parallelThreads).contains("bounce-read-ahead", Thread.currentThread().getName());
    }
    /**
     * Inputs are read ahead in chunks: an unexpected failure in the middle of a chunk still surfaces in its
     * turn, after what the inputs before it found, and nothing after it is reported; as one after another.
     */
    @Test
    void aFailureInTheMiddleOfAChunkSurfacesInItsTurn() {
        for (int threads : new int[] {1, 2}) {
            List<BounceBatch.Input> inputs = new ArrayList<>();
            Set<String> opened = ConcurrentHashMap.newKeySet();
            for (int i = 0; i < BounceBatch.CHUNK_INPUTS + 4; i++) {
                String m = BounceParserSample.DSN.replace("jane@example.com", "user" + i + "@example.com");
                inputs.add(i == 7 ? new Broken("in-7", m.length()) : new Mem("in-" + i, m, m.length(), opened));
            }
            Log log = new Log();
            BounceBatch batch = new BounceBatch(BounceParser.standard(), Duration.ofSeconds(10), log, null, Year.of(2026));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> batch.readAll(inputs, threads, (in, e) -> { }))
                    .isInstanceOf(IllegalStateException.class).hasMessage("broken source");
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                expected.add("result in-" + i + "#1 user" + i + "@example.com userunknown");
            }
            assertThat(log.events).as("threads=" + threads).containsExactlyElementsOf(expected);
        }
    }

    /** An input whose source fails in a way no reader expects. */
    record Broken(String name, long size) implements BounceBatch.Input {
        @Override
        public InputStream open() {
            throw new IllegalStateException("broken source");
        }
    }
}
