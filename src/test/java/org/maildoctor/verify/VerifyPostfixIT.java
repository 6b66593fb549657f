package org.maildoctor.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.maildoctor.dns.CachingResolver;
import org.maildoctor.dns.Resolver;
import org.maildoctor.dns.dnsjava.DnsjavaResolver;
import org.maildoctor.testing.Harness;
import org.maildoctor.verify.adapter.SmtpProbeClient;
import org.maildoctor.verify.adapter.SmtpProbeConfig;

/**
 * Issue 6 part 5: every case against the harness's real Knot DNS and Postfix (mailboxes and canned
 * RCPT answers in test-harness/postfix, zones in test-harness/dns).
 */
class VerifyPostfixIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final Resolver resolver = new CachingResolver(new DnsjavaResolver(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), Harness.dnsPort()), Duration.ofSeconds(3), 1));

    private CountingTransport transport(Duration timeout) {
        return new CountingTransport(new SmtpProbeClient(new SmtpProbeConfig(Harness.smtpPort(), "verify-it.test",
                "probe@good.test", timeout, timeout, true)));
    }

    private static VerifyOptions options() {
        return VerifyOptions.defaults().withAllowPrivate(true)
                .withGreylistDelays(List.of(Duration.ofMillis(200), Duration.ofMillis(400)))
                .withRateLimits(RateLimits.NONE);
    }

    private Verification verify(String address) {
        return verifier(transport(TIMEOUT), options().withTranscript(true)).verify(address);
    }

    private Verifier verifier(ProbeTransport t, VerifyOptions o) {
        return Verifier.create(resolver, t, o);
    }

    @Test
    void existingMailboxIsDeliverable() {
        Verification v = verify("alice@good.test");
        assertThat(v.verdict()).isEqualTo(Verdict.DELIVERABLE);
        assertThat(v.reason()).isEqualTo(VerdictReason.ACCEPTED);
        assertThat(v.mx()).contains("mx.good.test");
        assertThat(v.smtp().orElseThrow().replyCode().orElseThrow().value()).isEqualTo(250);
        assertThat(v.transcript()).anyMatch(l -> l.startsWith("C: EHLO verify-it.test"))
                .anyMatch(l -> l.startsWith("C: RCPT TO:<alice@good.test>")).noneMatch(l -> l.contains("DATA"));
    }

    @Test
    void unknownUserIsUndeliverableWithTheServersReply() {
        Verification v = verify("nobody@good.test");
        assertThat(v.verdict()).isEqualTo(Verdict.UNDELIVERABLE);
        assertThat(v.reason()).isEqualTo(VerdictReason.USERUNKNOWN);
        assertThat(v.smtp().orElseThrow().status().orElseThrow().toString()).isEqualTo("5.1.1");
        assertThat(v.smtp().orElseThrow().text()).contains("User unknown in virtual mailbox table");
    }

    @Test
    void catchAllDomainIsRisky() {
        Verification v = verify("someone@catchall.test");
        assertThat(v.verdict()).isEqualTo(Verdict.RISKY);
        assertThat(v.reason()).isEqualTo(VerdictReason.CATCHALL);
        assertThat(v.flags()).contains(Flag.CATCHALL);
        assertThat(v.transcript()).anyMatch(l -> l.matches("C: RCPT TO:<md-probe-[a-z0-9]+@catchall.test>"));
    }

    @Test
    void fullMailboxIsRisky() {
        Verification v = verify("full@good.test");
        assertThat(v.verdict()).isEqualTo(Verdict.RISKY);
        assertThat(v.reason()).isEqualTo(VerdictReason.MAILBOXFULL);
        assertThat(v.smtp().orElseThrow().status().orElseThrow().toString()).isEqualTo("5.2.2");
    }

    @Test
    void disabledMailboxIsUndeliverableSuspend() {
        Verification v = verify("disabled@good.test");
        assertThat(v.verdict()).isEqualTo(Verdict.UNDELIVERABLE);
        assertThat(v.reason()).isEqualTo(VerdictReason.SUSPEND);
    }

    @Test
    void policyBlockOfTheProbeIsUnknownNotInvalid() {
        Verification v = verify("blocked@good.test");
        assertThat(v.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(v.reason()).isEqualTo(VerdictReason.BLOCKED);
        assertThat(v.smtp().orElseThrow().status().orElseThrow().toString()).isEqualTo("5.7.1");
    }

    @Test
    void greylistingIsRetriedWithinTheBudgetThenUnknown() {
        for (String address : List.of("greylist@good.test", "greylist2@good.test")) {
            CountingTransport t = transport(TIMEOUT);
            Verification v = verifier(t, options()).verify(address);
            assertThat(v.verdict()).as(address).isEqualTo(Verdict.UNKNOWN);
            assertThat(v.reason()).as(address).isEqualTo(VerdictReason.GREYLISTED);
            assertThat(v.smtp().orElseThrow().isTransientFailure()).isTrue();
            // first try + one retry per configured delay, each on a new session
            assertThat(t.opened).as(address).hasSize(3);
            assertThat(v.subReason().orElseThrow()).contains("3 attempts");
        }
    }

    @Test
    void aServerThatNeverSpeaksIsUnknownWithinTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket()) {
            silent.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.6"), Harness.smtpPort()));
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (Exception e) {
                    // closed at the end of the test
                }
            });
            Duration timeout = Duration.ofMillis(800);
            long start = System.nanoTime();
            Verification v = verifier(transport(timeout), options().withGreylistDelays(List.of()))
                    .verify("alice@silentmx.misc.test");
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(v.verdict()).isEqualTo(Verdict.UNKNOWN);
            assertThat(v.reason()).isEqualTo(VerdictReason.TIMEOUT);
            assertThat(v.mx()).contains("silent.misc.test");
            // one greeting wait per attempt (a failed session is retried once), plus DNS
            assertThat(ms).isLessThan(timeout.toMillis() * 2 + 1500);
            silent.close();
            acceptor.join(2000);
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    void nullMxAndNxdomainAreUndeliverableWithoutAnySmtpConnection() {
        CountingTransport t = transport(TIMEOUT);
        Verifier verifier = verifier(t, options());
        Verification nullMx = verifier.verify("jane@nullmx.test");
        Verification nx = verifier.verify("jane@ghost.good.test");
        assertThat(nullMx.verdict()).isEqualTo(Verdict.UNDELIVERABLE);
        assertThat(nullMx.reason()).isEqualTo(VerdictReason.NOTACCEPT);
        assertThat(nx.verdict()).isEqualTo(Verdict.UNDELIVERABLE);
        assertThat(nx.reason()).isEqualTo(VerdictReason.HOSTUNKNOWN);
        assertThat(nx.subReason().orElseThrow()).contains("NXDOMAIN");
        assertThat(t.opened).isEmpty();
    }

    @Test
    void refusedDnsAnswerIsUnknown() {
        CountingTransport t = transport(TIMEOUT);
        Verification v = verifier(t, options()).verify("jane@not-in-the-harness.example");
        assertThat(v.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(v.reason()).isEqualTo(VerdictReason.DNSERROR);
        assertThat(v.subReason().orElseThrow()).contains("REFUSED");
        assertThat(t.opened).isEmpty();
    }

    @Test
    void domainWithNeitherMxNorAddressIsUndeliverable() {
        Verification v = verify("jane@noaddr.misc.test");
        assertThat(v.verdict()).isEqualTo(Verdict.UNDELIVERABLE);
        assertThat(v.reason()).isEqualTo(VerdictReason.HOSTUNKNOWN);
    }

    @Test
    void mxHostThatDoesNotExistIsUndeliverable() {
        Verification v = verify("jane@nxmx.misc.test");
        assertThat(v.verdict()).isEqualTo(Verdict.UNDELIVERABLE);
        assertThat(v.reason()).isEqualTo(VerdictReason.HOSTUNKNOWN);
    }

    @Test
    void deadMxIsUnknown() {
        Verification v = verify("jane@deadmx.misc.test");
        assertThat(v.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(v.reason()).isEqualTo(VerdictReason.NETWORKERROR);
        assertThat(v.mx()).contains("dead.misc.test");
    }

    @Test
    void secondMxAnswersWhenTheFirstRefusesTheConnection() {
        CountingTransport t = transport(TIMEOUT);
        Verification v = verifier(t, options()).verify("alice@multimx.misc.test");
        assertThat(v.verdict()).isEqualTo(Verdict.DELIVERABLE);
        assertThat(v.mx()).contains("mx.good.test");
        assertThat(t.opened).containsExactly("dead.misc.test/127.0.0.2", "mx.good.test/127.0.0.1");
    }

    @Test
    void implicitMxIsProbed() {
        Verification v = verify("alice@nomx.misc.test");
        assertThat(v.verdict()).isEqualTo(Verdict.DELIVERABLE);
        assertThat(v.mx()).contains("nomx.misc.test");
    }

    @Test
    void privateMailHostsAreNotContactedWithoutAllowPrivate() {
        CountingTransport t = transport(TIMEOUT);
        Verification v = verifier(t, options().withAllowPrivate(false)).verify("alice@good.test");
        assertThat(v.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(v.reason()).isEqualTo(VerdictReason.PRIVATEADDRESS);
        assertThat(t.opened).isEmpty();
    }

    @Test
    void manyAddressesOfOneDomainShareOneSession() {
        CountingTransport t = transport(TIMEOUT);
        List<String> addresses = new ArrayList<>(List.of("alice@good.test", "bob@good.test", "ALICE@GOOD.TEST"));
        IntStream.range(0, 5).forEach(i -> addresses.add("nobody" + i + "@good.test"));
        List<Verification> results = verifier(t, options().withSessionLimits(50, 8)).verifyAll(addresses);
        assertThat(results).hasSize(addresses.size());
        assertThat(results.get(0).verdict()).isEqualTo(Verdict.DELIVERABLE);
        assertThat(results.get(2).address()).isEqualTo("ALICE@GOOD.TEST");
        assertThat(results.get(2).verdict()).isEqualTo(Verdict.DELIVERABLE);
        assertThat(results.subList(3, 8)).allMatch(v -> v.reason() == VerdictReason.USERUNKNOWN);
        assertThat(t.opened).hasSize(1);
    }
}
