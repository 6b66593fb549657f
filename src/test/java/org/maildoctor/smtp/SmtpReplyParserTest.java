package org.maildoctor.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmtpReplyParserTest {

    private static SmtpReply parsed(String input) {
        ReplyParseResult r = SmtpReplyParser.parse(input);
        assertThat(r).as("parse of %s", input).isInstanceOf(ReplyParseResult.Parsed.class);
        return ((ReplyParseResult.Parsed) r).reply();
    }

    @Test
    void singleLineWithBasicAndEnhancedCode() {
        SmtpReply r = parsed("554 5.1.1 <jane@example.org>: Recipient address rejected: User unknown in virtual mailbox table");
        assertThat(r.replyCode()).contains(new ReplyCode(554));
        assertThat(r.status()).contains(new EnhancedStatus(ReplyClass.PERMANENT_FAILURE, 1, 1));
        assertThat(r.text()).isEqualTo("<jane@example.org>: Recipient address rejected: User unknown in virtual mailbox table");
        assertThat(r.isPermanentFailure()).isTrue();
    }

    @Test
    void gmailMultiLineReplyJoinsContinuationLinesAndFindsTags() {
        SmtpReply r = parsed("""
                550-5.1.1 The email account that you tried to reach does not exist. Please try
                550-5.1.1 double-checking the recipient's email address for typos or
                550-5.1.1 unnecessary spaces. For more information, go to
                550 5.1.1  https://support.google.com/mail/?p=NoSuchUser d2e1a72fcca58-7a2b4c1a1b2si123456b3a.321 - gsmtp
                """);
        assertThat(r.replyCode()).contains(new ReplyCode(550));
        assertThat(r.status()).map(EnhancedStatus::toString).contains("5.1.1");
        assertThat(r.lines()).hasSize(4);
        assertThat(r.text()).startsWith("The email account that you tried to reach does not exist. Please try double-checking")
                .doesNotContain("550-");
        assertThat(r.tags()).contains(new ProviderTag(Provider.GMAIL, "NoSuchUser"), new ProviderTag(Provider.GMAIL, "gsmtp"));
        assertThat(r.provider()).contains(Provider.GMAIL);
    }

    @Test
    void microsoftReplyQuotedInExchangeProse() {
        SmtpReply r = parsed("Remote server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'");
        assertThat(r.replyCode()).contains(new ReplyCode(550));
        assertThat(r.status()).map(EnhancedStatus::toString).contains("5.1.10");
        assertThat(r.text()).isEqualTo("RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup");
        assertThat(r.tags()).containsExactly(new ProviderTag(Provider.MICROSOFT, "RESOLVER.ADR.RecipientNotFound"));
    }

    @Test
    void yahooTagAndADottedVersionNumberThatIsNotAStatusCode() {
        SmtpReply r = parsed("421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume or user"
                + " complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes");
        assertThat(r.status()).map(EnhancedStatus::toString).contains("4.7.0");
        assertThat(r.tags()).first().isEqualTo(new ProviderTag(Provider.YAHOO, "TSS04"));
        assertThat(r.isTransientFailure()).isTrue();
    }

    @Test
    void postfixBounceProseWithWrappedLineAndTrailer() {
        SmtpReply r = parsed("""
                <jane@example.org>: host mx.example.org[192.0.2.25] said: 550 5.1.1 <jane@example.org>:
                    Recipient address rejected: User unknown in local recipient table (in reply to RCPT TO command)
                """);
        assertThat(r.replyCode()).contains(new ReplyCode(550));
        assertThat(r.status()).map(EnhancedStatus::toString).contains("5.1.1");
        assertThat(r.text()).isEqualTo("<jane@example.org>: Recipient address rejected: User unknown in local recipient table");
    }

    @Test
    void diagnosticCodeFieldOfADsn() {
        SmtpReply r = parsed("Diagnostic-Code: smtp; 552 5.2.2 Mailbox full");
        assertThat(r.replyCode()).contains(new ReplyCode(552));
        assertThat(r.status()).map(EnhancedStatus::toString).contains("5.2.2");
        assertThat(r.text()).isEqualTo("Mailbox full");
    }

    @Test
    void enhancedCodeOnly() {
        SmtpReply r = parsed("5.7.26 Unauthenticated email from example.com is not accepted due to domain's DMARC policy");
        assertThat(r.replyCode()).isEmpty();
        assertThat(r.status()).map(EnhancedStatus::toString).contains("5.7.26");
        assertThat(r.isPermanentFailure()).isTrue();
    }

    @Test
    void basicCodeOnly() {
        SmtpReply r = parsed("554 delivery error: dd This user doesn't have a yahoo.com account (jane@yahoo.com) [0] - mta1.mail.yahoo.com");
        assertThat(r.replyCode()).contains(new ReplyCode(554));
        assertThat(r.status()).isEmpty();
        assertThat(r.provider()).contains(Provider.YAHOO);
    }

    @Test
    void qmailStyleEnhancedCodeInsideTheText() {
        SmtpReply r = parsed("451 VS1-IP Excessive unknown recipients - possible Open Relay (#4.1.8)");
        assertThat(r.status()).map(EnhancedStatus::toString).contains("4.1.8");
        assertThat(r.tags()).contains(new ProviderTag(Provider.YAHOO, "VS1-IP"));
    }

    @Test
    void textOnlyWithKnownBounceWording() {
        SmtpReply r = parsed("User unknown");
        assertThat(r.replyCode()).isEmpty();
        assertThat(r.status()).isEmpty();
        assertThat(r.text()).isEqualTo("User unknown");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "hello world", "room 404 is closed", "version 5.1.1.2 released", "see you at 10:30"})
    void notAReply(String input) {
        assertThat(SmtpReplyParser.parse(input)).isInstanceOf(ReplyParseResult.NotAReply.class);
        assertThat(SmtpReplyParser.tryParse(input)).isEmpty();
    }

    @Test
    void nullIsNotAReply() {
        assertThat(SmtpReplyParser.parse(null)).isInstanceOf(ReplyParseResult.NotAReply.class);
    }

    @Test
    void classMismatchIsKeptAndReported() {
        SmtpReply r = parsed("550 4.4.7 QUEUE.Expired; message expired");
        assertThat(r.hasClassMismatch()).isTrue();
        assertThat(r.isPermanentFailure()).isTrue();
        assertThat(r.tags()).contains(new ProviderTag(Provider.MICROSOFT, "QUEUE.Expired"));
    }

    @Test
    void aSecondReplyAfterTheFirstIsNotMergedIntoIt() {
        SmtpReply r = parsed("250 2.1.0 Ok\n550 5.1.1 User unknown");
        assertThat(r.replyCode()).contains(new ReplyCode(250));
        assertThat(r.text()).isEqualTo("Ok");
    }

    @Test
    void foldedMultiLineReplyInADsnFieldReadsAsTheServerWroteIt() {
        SmtpReply r = parsed("Diagnostic-Code: smtp; 550-5.7.1 This message is not RFC 5322 compliant. There are multiple Subject"
                + " 550-5.7.1 headers. To reduce the amount of spam sent to Gmail, this message has 550 5.7.1 been blocked.");
        assertThat(r.text()).isEqualTo("This message is not RFC 5322 compliant. There are multiple Subject headers."
                + " To reduce the amount of spam sent to Gmail, this message has been blocked.");
        assertThat(ReasonClassifier.fromText(r.text())).contains(Reason.NOTCOMPLIANTRFC);
    }
}
