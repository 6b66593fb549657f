package org.maildoctor.bounce.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.maildoctor.bounce.BounceParser;
import org.maildoctor.bounce.BounceResult;
import org.maildoctor.bounce.ParseOutcome;
import org.maildoctor.bounce.mime.Mail;
import org.maildoctor.bounce.mta.Dialects;
import org.maildoctor.bounce.mta.Finding;
import org.maildoctor.bounce.mta.MtaDialect;

/** The per-message time cap (issue 3 part 6: never a hang). */
class TimeCapTest {

    /** Never finishes on messages whose subject says "hang": stands in for a runaway regular expression. */
    static final class Stuck implements MtaDialect {
        final AtomicBoolean release = new AtomicBoolean();

        @Override
        public String name() {
            return "Stuck";
        }

        @Override
        public boolean matches(Mail mail) {
            return mail.headers().get("Subject").contains("hang");
        }

        @Override
        public List<Finding> decode(Mail mail) {
            while (!release.get()) {
                java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
            }
            return List.of();
        }
    }

    static String msg(int i, String subject) {
        return "From MAILER-DAEMON Sun Dec  6 01:00:0" + i + " 2026\n" + BounceParserSample.DSN
                .replace("Subject: Undelivered Mail Returned to Sender", "Subject: " + subject)
                .replace("jane@example.com", "user" + i + "@example.com");
    }

    @Test
    void aMessageOverTheCapIsUndecodableAndTheRestOfTheMboxStillParses() throws Exception {
        Stuck stuck = new Stuck();
        List<MtaDialect> dialects = new ArrayList<>(List.of(stuck));
        dialects.addAll(Dialects.all());
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        BounceBatch batch = new BounceBatch(new BounceParser(dialects), Duration.ofMillis(300), new BatchListener() {
            @Override
            public void result(String source, long message, BounceResult r) {
                seen.add(message + " " + r.recipient());
            }

            @Override
            public void warning(String source, String text) {
                seen.add(source + ": " + text);
            }
        }, new BatchSummary(), Year.of(2026));
        String mbox = msg(1, "Undelivered") + msg(2, "please hang") + msg(3, "Undelivered");
        try {
            long start = System.nanoTime();
            batch.read("box", new ByteArrayInputStream(mbox.getBytes(StandardCharsets.UTF_8)));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        } finally {
            stuck.release.set(true);
        }
        assertThat(seen).containsExactly("1 user1@example.com",
                "box (message 2): undecodable (time limit: parsing took longer than 300 ms; the message was skipped)",
                "3 user3@example.com");
        assertThat(batch.timedOut()).isEqualTo(1);
        assertThat(batch.decoded()).isEqualTo(2);
    }

    @Test
    void theLoopRunsOnOneWorkerInOrderAndPassesIoErrorsOn() throws Exception {
        Set<Thread> workers = Collections.synchronizedSet(new HashSet<>());
        List<Integer> emitted = new ArrayList<>();
        int[] next = {0};
        CappedLoop.run(new CappedLoop.Steps<Integer, Integer>() {
            @Override
            public Integer next() {
                return next[0] < 1000 ? next[0]++ : null;
            }

            @Override
            public Integer compute(Integer item) {
                workers.add(Thread.currentThread());
                return item * 2;
            }

            @Override
            public void emit(Integer item, Integer result) {
                emitted.add(result);
            }

            @Override
            public void timedOut(Integer item, Duration cap) {
                throw new AssertionError("no item is slow here");
            }
        }, Duration.ofSeconds(10));
        assertThat(emitted).hasSize(1000).startsWith(0, 2, 4).endsWith(1998);
        assertThat(workers).hasSize(1).doesNotContain(Thread.currentThread());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CappedLoop.run(new CappedLoop.Steps<Integer, Integer>() {
            @Override
            public Integer next() throws IOException {
                throw new IOException("disk on fire");
            }

            @Override
            public Integer compute(Integer item) {
                return item;
            }

            @Override
            public void emit(Integer item, Integer result) {
            }

            @Override
            public void timedOut(Integer item, Duration cap) {
            }
        }, Duration.ofSeconds(10))).isInstanceOf(IOException.class).hasMessage("disk on fire");
    }

    @Test
    void theParseResultIsTheParsersOwn() throws Exception {
        List<ParseOutcome> viaBatch = new ArrayList<>();
        BounceBatch batch = new BounceBatch(BounceParser.standard(), Duration.ofSeconds(10), new BatchListener() {
            @Override
            public void result(String source, long message, BounceResult r) {
                viaBatch.add(new ParseOutcome.Bounces(List.of(r), r.dialect(), List.of()));
            }

            @Override
            public void warning(String source, String text) {
            }
        }, null, Year.of(2026));
        batch.read("one", new ByteArrayInputStream(BounceParserSample.DSN.getBytes(StandardCharsets.UTF_8)));
        assertThat(viaBatch).singleElement().satisfies(o -> assertThat(o.results())
                .isEqualTo(BounceParser.standard().parse(BounceParserSample.DSN.getBytes(StandardCharsets.UTF_8)).results()));
    }
}
