package org.maildoctor.bounce.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.maildoctor.bounce.BounceParser;
import org.maildoctor.bounce.ParseOutcome;
import org.maildoctor.bounce.mime.Mail;
import org.maildoctor.bounce.mta.Dialects;
import org.maildoctor.bounce.mta.Finding;
import org.maildoctor.bounce.mta.MtaDialect;

class TimeCappedParserTest {

    /** A dialect that never finishes on messages whose subject says so: stands in for a runaway regex. */
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

    static byte[] msg(String subject) {
        return BounceParserSample.DSN.replace("Subject: Undelivered Mail Returned to Sender", "Subject: " + subject)
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aMessageOverTheCapIsUndecodableAndTheNextParsesNormally() {
        Stuck stuck = new Stuck();
        List<MtaDialect> dialects = new java.util.ArrayList<>(List.of(stuck));
        dialects.addAll(Dialects.all());
        try (TimeCappedParser p = new TimeCappedParser(new BounceParser(dialects), Duration.ofMillis(200))) {
            long start = System.nanoTime();
            ParseOutcome hung = p.parse(msg("please hang"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(hung).isInstanceOfSatisfying(ParseOutcome.Undecodable.class,
                    u -> assertThat(u.reason()).startsWith("time limit"));
            assertThat(p.overruns()).isEqualTo(1);
            ParseOutcome ok = p.parse(msg("Undelivered"));
            assertThat(ok.results()).singleElement().satisfies(r -> assertThat(r.recipient()).isEqualTo("jane@example.com"));
        } finally {
            stuck.release.set(true);
        }
    }

    @Test
    void manyMessagesReuseOneWorkerAndGiveTheSameAnswersAsTheParser() {
        BounceParser plain = BounceParser.standard();
        try (TimeCappedParser p = new TimeCappedParser(plain, Duration.ofSeconds(10))) {
            long threadsBefore = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("bounce-parse")).count();
            for (int i = 0; i < 200; i++) {
                byte[] m = msg("Undelivered " + i);
                assertThat(p.parse(m)).isEqualTo(plain.parse(m));
            }
            long threadsAfter = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("bounce-parse")).count();
            assertThat(threadsAfter - threadsBefore).isLessThanOrEqualTo(1);
            assertThat(p.overruns()).isZero();
        }
    }
}
