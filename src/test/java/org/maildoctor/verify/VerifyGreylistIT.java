package org.maildoctor.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.maildoctor.dns.CachingResolver;
import org.maildoctor.dns.dnsjava.DnsjavaResolver;
import org.maildoctor.testing.Harness;
import org.maildoctor.verify.adapter.SmtpProbeClient;
import org.maildoctor.verify.adapter.SmtpProbeConfig;

/**
 * Issue 6 part 5, greylisting against real greylisting: the harness Postfix asks Debian's postgrey
 * (policy service, delay {@code MAIL_HARNESS_GREYLIST_DELAY} seconds) about {@code grey-*@good.test}.
 * Each test uses a fresh address, since postgrey lets a triplet through for good once it passed.
 */
class VerifyGreylistIT {
    private static final Duration DELAY = Duration.ofSeconds(
            Long.parseLong(Harness.env().getProperty("MAIL_HARNESS_GREYLIST_DELAY", "2")));

    private static String freshAddress() {
        return "grey-" + UUID.randomUUID().toString().substring(0, 12) + "@good.test";
    }

    private static Verifier verifier(CountingTransport t, List<Duration> greylistDelays) {
        var resolver = new CachingResolver(new DnsjavaResolver(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), Harness.dnsPort()), Duration.ofSeconds(3), 1));
        return Verifier.create(resolver, t, VerifyOptions.defaults().withAllowPrivate(true)
                .withGreylistDelays(greylistDelays).withRateLimits(RateLimits.NONE));
    }

    private static CountingTransport transport() {
        Duration timeout = Duration.ofSeconds(3);
        return new CountingTransport(new SmtpProbeClient(new SmtpProbeConfig(Harness.smtpPort(), "verify-it.test",
                "probe@good.test", timeout, timeout, true)));
    }

    /** Postfix's log lines since {@code offset} that reject {@code address}'s RCPT with 450 4.7.1. */
    private static long greylistedInLog(long offset, String address) throws Exception {
        Path log = Path.of(Harness.env().getProperty("MAIL_HARNESS_POSTFIX_LOG"));
        Thread.sleep(300); // syslog write-behind
        try (var in = Files.newInputStream(log)) {
            in.skipNBytes(offset);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> l.contains("450 4.7.1 <" + address + ">")).count();
        }
    }

    private static long logSize() throws Exception {
        return Files.size(Path.of(Harness.env().getProperty("MAIL_HARNESS_POSTFIX_LOG")));
    }

    @Test
    void greylistedFirstThenDeliverableOnTheRetryAfterTheDelay() throws Exception {
        String address = freshAddress();
        CountingTransport t = transport();
        long offset = logSize();
        long start = System.nanoTime();
        // a budget longer than postgrey's delay: the first retry comes after it
        Verification v = verifier(t, List.of(DELAY.plusSeconds(1), DELAY.multipliedBy(2))).verify(address);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(v.verdict()).as(v.toString()).isEqualTo(Verdict.DELIVERABLE);
        assertThat(v.reason()).isEqualTo(VerdictReason.ACCEPTED);
        assertThat(v.smtp().orElseThrow().replyCode().orElseThrow().value()).isEqualTo(250);
        assertThat(greylistedInLog(offset, address)).as("the first RCPT was greylisted by postgrey").isEqualTo(1);
        assertThat(t.opened).as("first attempt + one retry").hasSize(2);
        assertThat(took).isGreaterThan(DELAY);
    }

    @Test
    void aBudgetShorterThanTheDelayIsUnknownGreylisted() throws Exception {
        String address = freshAddress();
        CountingTransport t = transport();
        long offset = logSize();
        Duration budget = DELAY.dividedBy(4);
        Verification v = verifier(t, VerifyOptions.backoff(budget.dividedBy(3), budget)).verify(address);

        assertThat(v.verdict()).as(v.toString()).isEqualTo(Verdict.UNKNOWN);
        assertThat(v.reason()).isEqualTo(VerdictReason.GREYLISTED);
        assertThat(v.smtp().orElseThrow().replyCode().orElseThrow().value()).isEqualTo(450);
        assertThat(v.smtp().orElseThrow().status().orElseThrow().toString()).isEqualTo("4.7.1");
        assertThat(v.smtp().orElseThrow().text()).contains("Greylisted by postgrey");
        // every attempt inside the budget was greylisted again: postgrey's delay had not passed
        assertThat(t.opened.size()).isGreaterThanOrEqualTo(2);
        assertThat(greylistedInLog(offset, address)).isEqualTo(t.opened.size());
    }
}
