package org.maildoctor.bounce.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.maildoctor.bounce.BounceParser;
import org.maildoctor.bounce.BounceResult;
import org.maildoctor.smtp.Reason;

class LogLineTest {

    static final String POSTFIX = "Dec  6 01:42:03 mx1 postfix/smtp[4242]: 3F2A1C0D12: to=<jane@example.com>, "
            + "relay=mx.example.com[192.0.2.1]:25, delay=0.52, delays=0.01/0/0.3/0.2, dsn=5.1.1, status=bounced "
            + "(host mx.example.com[192.0.2.1] said: 550 5.1.1 <jane@example.com>: Recipient address rejected: "
            + "User unknown in virtual mailbox table (in reply to RCPT TO command))";
    static final String EXIM = "2026-12-06 01:42:03 1vABcD-000123-EF ** bob@example.net R=dnslookup T=remote_smtp "
            + "H=mx.example.net [192.0.2.7]: SMTP error from remote mail server after RCPT TO:<bob@example.net>: "
            + "550 5.1.1 <bob@example.net>: user unknown";

    @Test
    void postfixBouncedLine() {
        LogLine l = LogLine.parse(POSTFIX).orElseThrow();
        assertThat(l.recipient()).isEqualTo("jane@example.com");
        assertThat(l.status()).isEqualTo("5.1.1");
        assertThat(l.remoteMta()).isEqualTo("mx.example.com");
        assertThat(l.command()).isEqualTo("RCPT");
        assertThat(l.diagnostic()).startsWith("550 5.1.1 <jane@example.com>").endsWith("virtual mailbox table");
        assertThat(l.timestamp()).isEqualTo("Dec  6 01:42:03");
        assertThat(l.host()).isEqualTo("mx1");
    }

    @Test
    void postfixLocalBounceWithoutRemoteHostAndIsoTimestamp() {
        String line = "2026-12-06T01:42:03.123456+00:00 mx1 postfix/smtp[9]: ABC: to=<x@nosuch.invalid>, relay=none, "
                + "delay=0.1, delays=0/0/0.1/0, dsn=5.4.4, status=bounced (Host or domain name not found. Name service "
                + "error for name=nosuch.invalid type=MX: Host not found)";
        LogLine l = LogLine.parse(line).orElseThrow();
        assertThat(l.remoteMta()).isEmpty();
        assertThat(l.status()).isEqualTo("5.4.4");
        assertThat(l.diagnostic()).startsWith("Host or domain name not found");
        assertThat(l.timestamp()).startsWith("2026-12-06T01:42:03");
    }

    @Test
    void eximFailedDeliveryLine() {
        LogLine l = LogLine.parse(EXIM).orElseThrow();
        assertThat(l.recipient()).isEqualTo("bob@example.net");
        assertThat(l.remoteMta()).isEqualTo("mx.example.net");
        assertThat(l.command()).isEqualTo("RCPT");
        assertThat(l.diagnostic()).isEqualTo("550 5.1.1 <bob@example.net>: user unknown");
        LogLine routed = LogLine.parse("2026-12-06 01:42:03 1vABcD-000123-EF ** nobody@nosuch.invalid: Unrouteable address").orElseThrow();
        assertThat(routed.recipient()).isEqualTo("nobody@nosuch.invalid");
        assertThat(routed.diagnostic()).isEqualTo("Unrouteable address");
    }

    @Test
    void otherLinesAreNotBounces() {
        assertThat(LogLine.parse(POSTFIX.replace("status=bounced", "status=sent"))).isEmpty();
        assertThat(LogLine.parse("Dec  6 01:42:03 mx1 postfix/qmgr[1]: 3F2A1C0D12: removed")).isEmpty();
        assertThat(LogLine.parse("2026-12-06 01:42:03 1vABcD-000123-EF => bob@example.net R=dnslookup T=remote_smtp")).isEmpty();
        assertThat(LogLine.parse("")).isEmpty();
        assertThat(LogLine.parse("x".repeat(LogLine.MAX_LINE + 1) + " status=bounced (")).isEmpty();
    }

    @Test
    void logLinesAreClassifiedLikeBounces() {
        LogBounces logs = new LogBounces(BounceParser.standard());
        BounceResult p = logs.toResult(LogLine.parse(POSTFIX).orElseThrow()).orElseThrow();
        assertThat(p.reason()).isEqualTo(Reason.USERUNKNOWN);
        assertThat(p.hard()).isTrue();
        assertThat(p.status()).hasValueSatisfying(s -> assertThat(s.toString()).isEqualTo("5.1.1"));
        assertThat(p.replyCode()).hasValueSatisfying(c -> assertThat(c.value()).isEqualTo(550));
        assertThat(p.dialect()).isEqualTo("PostfixLog");
        assertThat(p.reportingMta()).isEqualTo("mx1");
        BounceResult e = logs.toResult(LogLine.parse(EXIM).orElseThrow()).orElseThrow();
        assertThat(e.reason()).isEqualTo(Reason.USERUNKNOWN);
        assertThat(e.dialect()).isEqualTo("EximLog");
        Optional<BounceResult> unrouteable = logs.toResult(
                LogLine.parse("2026-12-06 01:42:03 1vABcD-000123-EF ** nobody@nosuch.invalid: Unrouteable address").orElseThrow());
        assertThat(unrouteable).hasValueSatisfying(r -> {
            assertThat(r.recipient()).isEqualTo("nobody@nosuch.invalid");
            assertThat(r.status()).isEmpty(); // the line carries no code, so none is invented
        });
    }
}
