package org.maildoctor.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.maildoctor.smtp.Reason;

/** Behaviour on small hand-written messages: each format, the fields, and the edge cases. */
class BounceParserTest {

    private static ParseOutcome parse(String s) {
        return BounceParser.standard().parse(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsAnRfc3464ReportWithEveryField() {
        ParseOutcome o = parse(BounceParserPropertyTest.DSN);
        assertThat(o).isInstanceOf(ParseOutcome.Bounces.class);
        BounceResult r = o.results().get(0);
        assertThat(r.recipient()).isEqualTo("jane@example.com");
        assertThat(r.originalRecipient()).isEqualTo("jane@example.com");
        assertThat(r.action()).isEqualTo("failed");
        assertThat(r.status()).hasValueSatisfying(s -> assertThat(s.toString()).isEqualTo("5.1.1"));
        assertThat(r.replyCode()).hasValueSatisfying(c -> assertThat(c.value()).isEqualTo(550));
        assertThat(r.diagnosticType()).isEqualTo("smtp");
        assertThat(r.reportingMta()).isEqualTo("mx.example.net");
        assertThat(r.remoteMta()).isEqualTo("mx.example.com");
        assertThat(r.arrivalDate()).startsWith("Thu, 29 Apr 2010");
        assertThat(r.command()).isEqualTo("RCPT");
        assertThat(r.reason()).isEqualTo(Reason.USERUNKNOWN);
        assertThat(r.hard()).isTrue();
        assertThat(r.dialect()).isEqualTo("RFC3464");
        assertThat(r.returned().messageId()).isEqualTo("<1@example.org>");
        assertThat(r.returned().subject()).isEqualTo("hello");
        assertThat(r.returned().to()).isEqualTo("jane@example.com");
    }

    @Test
    void lineEndingsDoNotChangeTheResult() {
        String lf = BounceParserPropertyTest.DSN;
        List<BounceResult> a = parse(lf).results();
        List<BounceResult> b = parse(lf.replace("\n", "\r\n")).results();
        List<BounceResult> c = parse(lf.replace("\n", "\r")).results();
        assertThat(b).isEqualTo(a);
        assertThat(c).isEqualTo(a);
    }

    @Test
    void aFourHundredIsSoftAndAFullMailboxIsNotHard() {
        String dsn = BounceParserPropertyTest.DSN.replace("Status: 5.1.1", "Status: 4.2.2")
                .replace("Diagnostic-Code: smtp; 550 5.1.1 <jane@example.com>: Recipient address rejected: User unknown",
                        "Diagnostic-Code: smtp; 452 4.2.2 Mailbox full")
                .replace("Action: failed", "Action: delayed");
        BounceResult r = parse(dsn).results().get(0);
        assertThat(r.reason()).isEqualTo(Reason.MAILBOXFULL);
        assertThat(r.hard()).isFalse();
        assertThat(r.action()).isEqualTo("delayed");
    }

    @Test
    void encodedWordsInTheRecipientAreDecoded() {
        String dsn = BounceParserPropertyTest.DSN.replace("Final-Recipient: rfc822; jane@example.com",
                "Final-Recipient: rfc822; =?utf-8?Q?j=C3=A4ne@example.com?=");
        assertThat(parse(dsn).results().get(0).recipient()).isEqualTo("jäne@example.com");
    }

    @Test
    void readsAFeedbackReport() {
        String arf = """
                From: feedback@example.net
                To: abuse@example.org
                Subject: FW: hello
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=feedback-report; boundary="B"

                --B
                Content-Type: text/plain

                This is an email abuse report.
                --B
                Content-Type: message/feedback-report

                Feedback-Type: abuse
                User-Agent: SomeGenerator/1.0
                Version: 1
                Original-Rcpt-To: <jane@example.com>

                --B
                Content-Type: message/rfc822

                From: sender@example.org
                To: jane@example.com
                Subject: hello

                body
                --B--
                """;
        BounceResult r = parse(arf).results().get(0);
        assertThat(r.reason()).isEqualTo(Reason.FEEDBACK);
        assertThat(r.feedbackType()).isEqualTo("abuse");
        assertThat(r.recipient()).isEqualTo("jane@example.com");
        assertThat(r.dialect()).isEqualTo("ARF");
    }

    @Test
    void readsAnAutoReply() {
        String auto = """
                From: Jane <jane@example.com>
                To: sender@example.org
                Subject: Out of office: hello
                Auto-Submitted: auto-replied

                I am away until Monday.
                """;
        BounceResult r = parse(auto).results().get(0);
        assertThat(r.reason()).isEqualTo(Reason.VACATION);
        assertThat(r.recipient()).isEqualTo("jane@example.com");
    }

    @Test
    void readsAnEximNotice() {
        String exim = """
                From: Mail Delivery System <Mailer-Daemon@mx.example.net>
                To: sender@example.org
                Subject: Mail delivery failed: returning message to sender
                X-Failed-Recipients: jane@example.com
                Auto-Submitted: auto-replied

                This message was created automatically by mail delivery software.

                A message that you sent could not be delivered to one or more of its
                recipients. This is a permanent error. The following address(es) failed:

                  jane@example.com
                    SMTP error from remote mail server after RCPT TO:<jane@example.com>:
                    host mx.example.com [192.0.2.1]: 550 5.1.1 <jane@example.com>: User unknown

                ------ This is a copy of the message, including all the headers. ------

                From: sender@example.org
                To: jane@example.com
                Subject: hello

                body
                """;
        ParseOutcome o = parse(exim);
        assertThat(o).isInstanceOfSatisfying(ParseOutcome.Bounces.class, b -> assertThat(b.dialect()).isEqualTo("Exim"));
        BounceResult r = o.results().get(0);
        assertThat(r.recipient()).isEqualTo("jane@example.com");
        assertThat(r.command()).isEqualTo("RCPT");
        assertThat(r.remoteMta()).isEqualTo("mx.example.com");
        assertThat(r.status()).hasValueSatisfying(s -> assertThat(s.toString()).isEqualTo("5.1.1"));
        assertThat(r.reason()).isEqualTo(Reason.USERUNKNOWN);
    }

    @Test
    void ordinaryMailIsNotABounce() {
        assertThat(parse("From: a@example.org\nTo: b@example.com\nSubject: lunch?\n\nSee you at noon, b@example.com.\n"))
                .isInstanceOf(ParseOutcome.NotABounce.class);
    }

    @Test
    void emptyAndBinaryInputsAreUndecodable() {
        assertThat(BounceParser.standard().parse(new byte[0])).isInstanceOf(ParseOutcome.Undecodable.class);
        assertThat(BounceParser.standard().parse(new byte[] {0, 1, 2, (byte) 0xff, 10}))
                .isInstanceOf(ParseOutcome.Undecodable.class);
    }

    @Test
    void anMboxIsSplitAtItsSeparatorsOnly() {
        String one = "From MAILER-DAEMON  Thu Apr 29 23:34:45 2015\nSubject: a\n\nFrom the start, this is prose.\n";
        String two = "From MAILER-DAEMON  Thu Apr 29 23:34:46 2015\nSubject: b\n\nbody\n";
        List<byte[]> parts = Mbox.split((one + two).getBytes(StandardCharsets.UTF_8));
        assertThat(parts).hasSize(2);
        assertThat(new String(parts.get(1), StandardCharsets.UTF_8)).startsWith("From MAILER-DAEMON  Thu Apr 29 23:34:46");
    }

    @Test
    void hugeLinesAreReadInBoundedTime() {
        String big = "x".repeat(5 * 1024 * 1024);
        String[] inputs = {
            "From: MAILER-DAEMON@example.net\nSubject: " + big + "\n\nbody\n",
            "From: MAILER-DAEMON@example.net\nSubject: Undelivered Mail\n\n" + big + "\n",
            "From: MAILER-DAEMON@example.net\nSubject: Undelivered Mail\n\n" + "a.".repeat(2 * 1024 * 1024) + "@\n",
        };
        for (String in : inputs) {
            long start = System.nanoTime();
            ParseOutcome o = parse(in);
            assertThat(o).isNotNull();
            assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(5_000);
        }
    }
}
