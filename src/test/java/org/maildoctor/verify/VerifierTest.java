package org.maildoctor.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.maildoctor.dns.FakeZone;

/** The verifier's policy over a fake zone and a scripted SMTP server: no network, no waiting. */
class VerifierTest {
    private static final String UNKNOWN = "550 5.1.1 User unknown";

    private final FakeZone zone = FakeZone.builder()
            .mx("example.org", 10, "mx1.example.org").mx("example.org", 20, "mx2.example.org")
            .a("mx1.example.org", "203.0.113.10").a("mx2.example.org", "198.51.100.20")
            .mx("other.example", 10, "mx1.example.org")
            .mx("yahoo.example", 1, "mta5.am0.yahoodns.net").a("mta5.am0.yahoodns.net", "67.195.204.72")
            .mx("private.example", 10, "mx.private.example").a("mx.private.example", "10.0.0.1")
            .mx("gmail.com", 10, "mx1.example.org")
            .mx("mailinator.com", 10, "mx1.example.org")
            .nxdomain("gone.example")
            .build();
    private final List<Duration> slept = new ArrayList<>();

    private Verifier verifier(ProbeTransport t, VerifyOptions o) {
        return new Verifier(zone, t, o, AddressLists.standard(), TypoSuggester.standard(),
                AcceptAllProviders.standard(), ReplyInterpreter.standard(), slept::add);
    }

    private static VerifyOptions options() {
        // documentation addresses (RFC 5737) are not public: allow them as the tests' "internet"
        return VerifyOptions.defaults().withAllowPrivate(true)
                .withGreylistDelays(List.of(Duration.ofSeconds(5), Duration.ofSeconds(15)));
    }

    @Test
    void acceptAllProviderGivesUnknownNotDeliverable() {
        ScriptedTransport t = ScriptedTransport.of(Map.of("nobody@yahoo.example", UNKNOWN), "250 2.1.5 Ok");
        Verifier v = verifier(t, options().withCatchAllProbe(false));
        Verification ok = v.verify("jane@yahoo.example");
        assertThat(ok.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(ok.reason()).isEqualTo(VerdictReason.ACCEPTALL);
        assertThat(ok.flags()).contains(Flag.ACCEPT_ALL_PROVIDER);
        // a rejection is still conclusive
        assertThat(v.verify("nobody@yahoo.example").verdict()).isEqualTo(Verdict.UNDELIVERABLE);
    }

    @Test
    void perDomainRateLimitPacesTheRcpts() {
        ScriptedTransport t = ScriptedTransport.of(Map.of(), "250 2.1.5 Ok");
        List<String> addresses = IntStream.range(0, 50).mapToObj(i -> "user" + i + "@example.org").toList();
        // fake time: the clock moves only when the verifier sleeps; one session, so the waits add up
        java.time.Instant[] now = {java.time.Instant.parse("2026-01-01T00:00:00Z")};
        java.time.Clock clock = new java.time.Clock() {
            @Override
            public java.time.Instant instant() {
                return now[0];
            }

            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        VerifyOptions o = options().withCatchAllProbe(false).withConcurrency(1, 1).withRateLimits(new RateLimits(10, 0));
        new Verifier(zone, t, o, AddressLists.standard(), TypoSuggester.standard(), AcceptAllProviders.standard(),
                ReplyInterpreter.standard(), d -> {
                    slept.add(d);
                    now[0] = now[0].plus(d);
                }, HostSlots.inMemory(1), clock).verifyAll(addresses);
        // ten free (one second's burst), forty more at 10/s: four seconds
        assertThat(now[0]).isEqualTo(java.time.Instant.parse("2026-01-01T00:00:04Z"));
        assertThat(t.rcpts).hasSize(50);
    }

    @Test
    void resultsAreHandedOverPerPipelinedBatchBeforeTheSessionGoesOn() {
        ScriptedTransport t = ScriptedTransport.of(Map.of(), "250 2.1.5 Ok");
        List<String> addresses = new ArrayList<>(IntStream.range(0, 20).mapToObj(i -> "user" + i + "@example.org").toList());
        addresses.add("not an address");
        addresses.add("user3@example.org");
        List<java.util.Map<Integer, Verification>> batches = new ArrayList<>();
        List<Integer> rcptsSentWhenHandedOver = new ArrayList<>();
        verifier(t, options().withCatchAllProbe(false).withSessionLimits(5, 8)).verifyAll(addresses, settled -> {
            synchronized (batches) {
                batches.add(settled);
                rcptsSentWhenHandedOver.add(t.rcpts.size());
            }
        });
        assertThat(batches.stream().mapToInt(java.util.Map::size).sum()).isEqualTo(22);
        // the syntax error at once, then each RCPT batch of five (with its duplicate) before the next is sent
        assertThat(batches.getFirst()).containsOnlyKeys(20);
        assertThat(batches.subList(1, batches.size())).allSatisfy(b -> assertThat(b.size()).isBetween(5, 6));
        assertThat(rcptsSentWhenHandedOver).containsExactly(0, 5, 10, 15, 20);
        assertThat(batches.stream().filter(b -> b.containsKey(3)).findFirst().orElseThrow()).containsKey(21);
    }

    @Test
    void tooManyRecipientsStartsANewTransactionAndAsksAgain() {
        ScriptedTransport t = ScriptedTransport.of(Map.of(), "250 2.1.5 Ok");
        t.maxRcptsPerTransaction = 3;
        List<String> addresses = IntStream.range(0, 10).mapToObj(i -> "user" + i + "@example.org").toList();
        List<Verification> r = verifier(t, options().withCatchAllProbe(false)).verifyAll(addresses);
        assertThat(r).allMatch(x -> x.verdict() == Verdict.DELIVERABLE);
        assertThat(t.opened).hasSize(1);
    }

    @Test
    void sessionIsRenewedBeforeTheServersErrorLimit() {
        ScriptedTransport t = ScriptedTransport.of(Map.of(), UNKNOWN);
        t.hangUpAfterErrors = 10;
        List<String> addresses = IntStream.range(0, 20).mapToObj(i -> "gone" + i + "@example.org").toList();
        List<Verification> r = verifier(t, options().withCatchAllProbe(false).withSessionLimits(50, 8))
                .verifyAll(addresses);
        assertThat(r).allMatch(x -> x.reason() == VerdictReason.USERUNKNOWN);
        assertThat(t.opened).hasSize(3);
        assertThat(t.rcpts).hasSize(20);
    }

    @Test
    void aServerThatHangsUpIsAskedAgainOnANewSession() {
        ScriptedTransport t = ScriptedTransport.of(Map.of(), UNKNOWN);
        t.hangUpAfterErrors = 2;
        List<String> addresses = IntStream.range(0, 5).mapToObj(i -> "gone" + i + "@example.org").toList();
        List<Verification> r = verifier(t, options().withCatchAllProbe(false)).verifyAll(addresses);
        assertThat(r).allMatch(x -> x.reason() == VerdictReason.USERUNKNOWN);
    }

    @Test
    void catchAllIsProbedOncePerDomainPerJob() {
        ScriptedTransport t = ScriptedTransport.of(Map.of(), "250 2.1.5 Ok");
        Verifier v = verifier(t, options());
        List<Verification> first = v.verifyAll(List.of("a@example.org", "b@example.org", "c@other.example"));
        Verification later = v.verify("d@example.org");
        assertThat(first).allMatch(x -> x.reason() == VerdictReason.CATCHALL);
        assertThat(later.reason()).isEqualTo(VerdictReason.CATCHALL);
        assertThat(t.rcpts.stream().filter(a -> a.startsWith("md-probe-"))).hasSize(2);
    }

    @Test
    void notCatchAllWhenTheRandomAddressIsUnknown() {
        ScriptedTransport t = new ScriptedTransport(a -> a.startsWith("md-probe-") ? UNKNOWN : "250 2.1.5 Ok");
        Verification r = verifier(t, options()).verify("jane@example.org");
        assertThat(r.verdict()).isEqualTo(Verdict.DELIVERABLE);
        assertThat(r.flags()).doesNotContain(Flag.CATCHALL);
    }

    @Test
    void greylistingThatClearsOnRetryIsDeliverable() {
        AtomicInteger asked = new AtomicInteger();
        ScriptedTransport t = new ScriptedTransport(a -> asked.incrementAndGet() < 2
                ? "450 4.2.0 Greylisted, try again in 5 minutes" : "250 2.1.5 Ok");
        Verification r = verifier(t, options().withCatchAllProbe(false)).verify("jane@example.org");
        assertThat(r.verdict()).isEqualTo(Verdict.DELIVERABLE);
        assertThat(slept).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void greylistingPastTheBudgetIsUnknown() {
        ScriptedTransport t = ScriptedTransport.of(Map.of(), "451 4.7.1 Greylisted");
        Verification r = verifier(t, options().withCatchAllProbe(false)).verify("jane@example.org");
        assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(r.reason()).isEqualTo(VerdictReason.GREYLISTED);
        assertThat(slept).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(15));
        assertThat(t.rcpts).hasSize(3);
    }

    @Test
    void fallsBackToTheNextMxOnlyWhenTheConnectionFails() {
        ScriptedTransport t = ScriptedTransport.of(Map.of(), "250 2.1.5 Ok");
        t.refusedHosts.add("mx1.example.org");
        Verification r = verifier(t, options().withCatchAllProbe(false)).verify("jane@example.org");
        assertThat(r.mx()).contains("mx2.example.org");
        assertThat(t.opened).containsExactly("mx1.example.org", "mx2.example.org");
    }

    @Test
    void duplicatesAreVerifiedOnce() {
        ScriptedTransport t = ScriptedTransport.of(Map.of(), "250 2.1.5 Ok");
        List<Verification> r = verifier(t, options().withCatchAllProbe(false))
                .verifyAll(List.of("jane@example.org", "jane@Example.ORG", "jane@example.org "));
        assertThat(r).extracting(Verification::address)
                .containsExactly("jane@example.org", "jane@Example.ORG", "jane@example.org");
        assertThat(r).allMatch(x -> x.verdict() == Verdict.DELIVERABLE);
        assertThat(t.rcpts).hasSize(1);
    }

    @Test
    void aDuplicateInALaterBatchIsNotProbedAgain() {
        ScriptedTransport t = ScriptedTransport.of(Map.of(), "250 2.1.5 Ok");
        Verifier v = verifier(t, options().withCatchAllProbe(false));
        v.verifyAll(List.of("jane@example.org"));
        Verification again = v.verifyAll(List.of("jane@EXAMPLE.org")).getFirst();
        assertThat(again.address()).isEqualTo("jane@EXAMPLE.org");
        assertThat(again.verdict()).isEqualTo(Verdict.DELIVERABLE);
        assertThat(t.rcpts).hasSize(1);
    }

    @Test
    void roleDisposableAndFree() {
        ScriptedTransport t = ScriptedTransport.of(Map.of(), "250 2.1.5 Ok");
        Verifier v = verifier(t, options().withCatchAllProbe(false));
        Verification role = v.verify("admin@example.org");
        assertThat(role.verdict()).isEqualTo(Verdict.RISKY);
        assertThat(role.reason()).isEqualTo(VerdictReason.ROLE);
        Verification disposable = v.verify("jane@mailinator.com");
        assertThat(disposable.verdict()).isEqualTo(Verdict.RISKY);
        assertThat(disposable.reason()).isEqualTo(VerdictReason.DISPOSABLE);
        Verification free = v.verify("jane@gmail.com");
        assertThat(free.verdict()).isEqualTo(Verdict.DELIVERABLE);
        assertThat(free.flags()).containsExactly(Flag.FREE);
    }

    @Test
    void undeliverableBeatsRole() {
        ScriptedTransport t = ScriptedTransport.of(Map.of(), UNKNOWN);
        Verification r = verifier(t, options().withCatchAllProbe(false)).verify("admin@example.org");
        assertThat(r.verdict()).isEqualTo(Verdict.UNDELIVERABLE);
        assertThat(r.flags()).contains(Flag.ROLE);
    }

    @Test
    void privateMailHostsAreRefusedByDefault() {
        ScriptedTransport t = ScriptedTransport.of(Map.of(), "250 2.1.5 Ok");
        Verification r = verifier(t, VerifyOptions.defaults()).verify("jane@private.example");
        assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(r.reason()).isEqualTo(VerdictReason.PRIVATEADDRESS);
        assertThat(t.opened).isEmpty();
    }

    @Test
    void syntaxErrorsAreUndeliverableVerdictsWithTheirReason() {
        ScriptedTransport t = ScriptedTransport.of(Map.of(), "250 2.1.5 Ok");
        List<Verification> r = verifier(t, options()).verifyAll(List.of("not an address", "x".repeat(100_000)));
        assertThat(r).allMatch(x -> x.verdict() == Verdict.UNDELIVERABLE && x.reason() == VerdictReason.SYNTAXERROR);
        assertThat(r.get(1).address()).hasSizeLessThan(400);
        assertThat(zone.queryCount()).isZero();
    }

    @Test
    void nxdomainNeedsNoSmtp() {
        ScriptedTransport t = ScriptedTransport.of(Map.of(), "250 2.1.5 Ok");
        Verification r = verifier(t, options()).verify("jane@gone.example");
        assertThat(r.reason()).isEqualTo(VerdictReason.HOSTUNKNOWN);
        assertThat(t.opened).isEmpty();
    }

    @Test
    void typoSuggestionTravelsWithTheVerdict() {
        ScriptedTransport t = ScriptedTransport.of(Map.of(), "250 2.1.5 Ok");
        Verification r = verifier(t, options()).verify("jane@gone.example");
        assertThat(r.suggestion()).isEmpty();
        FakeZone z = FakeZone.builder().nxdomain("gmial.com").build();
        Verification typo = new Verifier(z, t, options(), AddressLists.standard(), TypoSuggester.standard(),
                AcceptAllProviders.standard(), ReplyInterpreter.standard(), slept::add).verify("jane@gmial.com");
        assertThat(typo.suggestion()).contains("jane@gmail.com");
    }
}
