package org.maildoctor.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.maildoctor.warmup.MailboxProvider;
import org.maildoctor.warmup.account.ConnectionStep;
import org.maildoctor.warmup.account.Endpoint;
import org.maildoctor.warmup.account.TlsMode;
import org.maildoctor.warmup.engage.Placement;

/** The polling policy on a fake clock: nothing waits for real. */
class PlacementRunnerTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-06T04:00:00Z"));
    private final Clock clock = new Clock() {
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return now.get();
        }
    };
    private final List<Duration> sleeps = new ArrayList<>();

    private static Seed seed(String address, MailboxProvider p) {
        return new Seed(1, address, p, new Endpoint("imap.test", 993, TlsMode.IMPLICIT), address, Instant.EPOCH);
    }

    private PlacementRunner runner(SeedProbe probe) {
        return new PlacementRunner(probe, clock, d -> {
            sleeps.add(d);
            now.set(now.get().plus(d));
        }, Runnable::run);
    }

    @Test
    void pollsUntilEverySeedIsSeenAndStopsLookingAtSeedsThatFailed() throws Exception {
        Seed a = seed("a@gmail.test", MailboxProvider.GMAIL);
        Seed b = seed("b@yahoo.test", MailboxProvider.YAHOO);
        Seed c = seed("c@yahoo.test", MailboxProvider.YAHOO);
        Seed d = seed("d@outlook.test", MailboxProvider.OUTLOOK_COM);
        Map<String, Integer> looks = new HashMap<>();
        Instant start = now.get();
        SeedProbe probe = (s, token) -> {
            looks.merge(s.address(), 1, Integer::sum);
            long secs = Duration.between(start, now.get()).toSeconds();
            return switch (s.address()) {
                case "a@gmail.test" -> secs >= 10 ? new SeedProbe.Found("INBOX", Placement.INBOX) : new SeedProbe.NotFound();
                case "b@yahoo.test" -> new SeedProbe.Found("Bulk", Placement.SPAM);
                case "c@yahoo.test" -> new SeedProbe.Failed(ConnectionStep.AUTH, "login refused");
                default -> throw new IllegalStateException("not called: refused at submission");
            };
        };
        List<PlacementReport> partials = new ArrayList<>();
        PlacementReport r = runner(probe).run("mdp-abcdefghijkm", List.of(a, b, c, d),
                Map.of("d@outlook.test", "submission refused the recipient: 550 5.1.1"), Duration.ofMinutes(2),
                Duration.ofSeconds(5), partials::add);

        assertThat(r.finished()).isTrue();
        assertThat(r.seeds()).extracting(SeedResult::status).containsExactly("inbox", "spam", "error", "error");
        assertThat(r.seeds().get(0).after()).contains(Duration.ofSeconds(10));
        assertThat(r.seeds().get(2).error()).contains("auth: login refused");
        assertThat(looks).containsEntry("a@gmail.test", 3).containsEntry("b@yahoo.test", 1)
                .containsEntry("c@yahoo.test", 1).doesNotContainKey("d@outlook.test");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThat(partials).hasSize(2).allMatch(p -> !p.finished());
        PlacementReport.Tally yahoo = r.byProvider().get(MailboxProvider.YAHOO);
        assertThat(yahoo.spam()).isEqualTo(1);
        assertThat(yahoo.error()).isEqualTo(1);
        assertThat(yahoo.inboxRate()).isZero();
        assertThat(r.byProvider().get(MailboxProvider.GMAIL).inboxRate()).isEqualTo(1.0);
    }

    @Test
    void aSeedNeverSeenIsMissingAfterOneLastLookAtTheDeadline() throws Exception {
        Seed a = seed("a@gmail.test", MailboxProvider.GMAIL);
        List<Instant> lookedAt = new ArrayList<>();
        PlacementReport r = runner((s, t) -> {
            lookedAt.add(now.get());
            return new SeedProbe.NotFound();
        }).run("mdp-abcdefghijkm", List.of(a), Map.of(), Duration.ofSeconds(12), Duration.ofSeconds(5), p -> { });
        assertThat(r.seeds().getFirst().status()).isEqualTo("missing");
        assertThat(r.seeds().getFirst().error()).isEmpty();
        // 0, 5, 10 and the last look exactly at the deadline (the final sleep is cut to 2 s)
        assertThat(sleeps).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(2));
        assertThat(lookedAt).last().isEqualTo(r.deadline());
    }

    @Test
    void aProbeThatThrowsCountsAsThatSeedsErrorOnly() throws Exception {
        Seed a = seed("a@gmail.test", MailboxProvider.GMAIL);
        Seed b = seed("b@gmail.test", MailboxProvider.GMAIL);
        PlacementReport r = runner((s, t) -> {
            if (s == a) {
                throw new IllegalStateException("boom");
            }
            return new SeedProbe.Found("INBOX", Placement.INBOX);
        }).run("mdp-abcdefghijkm", List.of(a, b), Map.of(), Duration.ofSeconds(30), Duration.ofSeconds(5), p -> { });
        assertThat(r.seeds()).extracting(SeedResult::status).containsExactly("error", "inbox");
        assertThat(r.seeds().getFirst().error().orElseThrow()).contains("boom");
    }

    @Test
    void tokensHaveOneShapeAndTheStampIsAHeaderInFront() {
        String t = PlacementToken.generate(new SplittableRandom(7));
        assertThat(t).matches("mdp-[a-z0-9]{12}");
        assertThat(PlacementToken.parse(" " + t.toUpperCase() + " ")).isEqualTo(t);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PlacementToken.parse("mdp-x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a placement token");
        byte[] msg = "Subject: hi\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(new String(PlacementToken.stamp(msg, t), StandardCharsets.US_ASCII))
                .isEqualTo("X-Maildoctor-Placement: " + t + "\r\nSubject: hi\r\n\r\nbody\r\n");
    }
}
