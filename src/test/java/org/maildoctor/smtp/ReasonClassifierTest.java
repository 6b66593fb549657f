package org.maildoctor.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One wording per rule, including the orderings that matter (a spam list is "blocked", not "spam"). */
class ReasonClassifierTest {

    @ParameterizedTest(name = "{1} <- {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Must issue a STARTTLS command first                                                  | failedstarttls
            Client host rejected: cannot find your reverse hostname, [192.0.2.1]                 | requireptr
            Relay access denied                                                                  | norelaying
            Transaction failed: Duplicate header 'DKIM-Signature'.                               | notcompliantrfc
            Your email to group x was rejected due to spam classification (DKIM pass)            | spamdetected
            Unauthenticated email from example.com is not accepted due to domain's DMARC policy | authfailure
            550 Unauthenticated senders not allowed                                              | securityerror
            Authentication credentials invalid                                                   | securityerror
            Sender address rejected: Domain not found                                            | rejected
            Client host [192.0.2.1] blocked using zen.spamhaus.org                               | blocked
            temporarily rate limited due to IP reputation                                        | badreputation
            Too many concurrent SMTP connections from this IP address                            | toomanyconn
            The user you are trying to contact is receiving mail too quickly                     | speeding
            Message rejected: virus found in attachment                                          | virusdetected
            Our system has detected that this message is likely unsolicited mail                 | spamdetected
            Message not accepted for policy reasons                                              | policyviolation
            Domain does not accept mail (nullMX)                                                 | notaccept
            Host or domain name not found. Name service error for name=x.example type=MX         | hostunknown
            Insufficient system storage                                                          | systemfull
            Mailbox full                                                                         | mailboxfull
            Message size exceeds fixed maximum message size                                      | mesgtoobig
            The email account that you tried to reach is disabled                                | suspend
            User has moved; no forwarding address                                                | hasmoved
            User unknown in virtual mailbox table                                                | userunknown
            Recipient not found by SMTP address lookup                                           | userunknown
            Message rejected by recipient's content filter                                       | filtered
            Message expired                                                                      | expired
            Hop count exceeded - possible mail loop                                              | networkerror
            Syntax error, command unrecognized                                                   | syntaxerror
            Invalid MIME structure                                                               | contenterror
            procmail: program exited with status 75                                              | mailererror
            Internal server error, try again later                                               | systemerror
            """)
    void wordingNamesTheReason(String text, String reason) {
        assertThat(ReasonClassifier.fromText(text)).map(Reason::code).contains(reason);
    }

    @Test
    void noWordingNoReason() {
        assertThat(ReasonClassifier.fromText("hello")).isEmpty();
        assertThat(ReasonClassifier.fromText("")).isEmpty();
        assertThat(ReasonClassifier.fromText(null)).isEmpty();
    }

    @Test
    void codeDecidesWhenTheWordingSaysNothing() {
        ReasonClassifier c = new ReasonClassifier(KnowledgeBase.standard());
        assertThat(c.classify(SmtpReply.of(550, "5.1.1", "Go away"))).isEqualTo(Reason.USERUNKNOWN);
        assertThat(c.classify(SmtpReply.of(550, "5.7.999", "Go away"))).isEqualTo(Reason.POLICYVIOLATION);
        assertThat(c.classify(SmtpReply.of(552, "", "Go away"))).isEqualTo(Reason.MAILBOXFULL);
        assertThat(c.classify(SmtpReply.of(250, "2.0.0", "Ok"))).isEqualTo(Reason.DELIVERED);
    }

    @Test
    void largeHostileInputIsHandledQuickly() {
        String hostile = ":550-5.1.1 ".repeat(10_000) + "\n" + "550-".repeat(20_000) + "\n" + "(".repeat(50_000);
        long start = System.nanoTime();
        ReplyParseResult r = SmtpReplyParser.parse(hostile);
        if (r instanceof ReplyParseResult.Parsed p) {
            Explainer.standard().explain(p.reply());
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
}
