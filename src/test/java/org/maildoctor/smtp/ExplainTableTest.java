package org.maildoctor.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Acceptance table of issue 3 part 1: each 554 variant, Gmail 5.7.26, Microsoft 5.7.515 and Yahoo
 * TSS04 get the expected reason and hard/soft verdict, a meaning, at least one cause and one fix.
 */
class ExplainTableTest {

    private static final Explainer EXPLAINER = Explainer.standard();

    static Stream<Arguments> table() {
        return Stream.of(
                // 5.1.1: unknown recipient, hard; Postfix virtual table wording from the issue
                row("554 5.1.1 <jane@example.org>: Recipient address rejected: User unknown in virtual mailbox table",
                        Reason.USERUNKNOWN, true, "status:X.1.1"),
                // 5.7.1 family: the wording decides
                row("554 5.7.1 <jane@example.org>: Relay access denied", Reason.NORELAYING, false, "status:X.7.1"),
                row("554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org;"
                        + " https://www.spamhaus.org/query/ip/192.0.2.1", Reason.BLOCKED, false, "reason:blocked"),
                row("554 5.7.1 <jane@example.org>: Sender address rejected: SPF check failed for example.com",
                        Reason.AUTHFAILURE, false, "reason:authfailure"),
                row("554 5.7.1 Message rejected due to local policy", Reason.POLICYVIOLATION, false, "status:X.7.1"),
                row("554 5.7.1 Delivery not authorized, message refused", Reason.POLICYVIOLATION, false, "status:X.7.1"),
                // 5.0.0 generic
                row("554 5.0.0 Error: transaction failed", Reason.UNDEFINED, false, "status:X.0.0"),
                // 5.4.0 routing / MX
                row("554 5.4.0 <jane@nowhere.example>: Host or domain name not found. Name service error for"
                        + " name=nowhere.example type=MX: Host not found", Reason.HOSTUNKNOWN, true, "reason:hostunknown"),
                row("554 5.4.0 Error: too many hops", Reason.NETWORKERROR, false, "status:X.4.0"),
                // 5.2.2 mailbox full
                row("554 5.2.2 <jane@example.org>: user is over quota", Reason.MAILBOXFULL, false, "status:X.2.2"),
                // 4.4.7 expired (also seen as 550/554 with a class-4 enhanced code from Exchange)
                row("554 4.4.7 Message expired: unable to deliver in 2 days", Reason.EXPIRED, false, "status:X.4.7"),
                row("550 4.4.7 QUEUE.Expired; message expired", Reason.EXPIRED, false, "tag:QUEUE.Expired"),
                // providers
                row("""
                        550-5.7.26 Unauthenticated email from example.com is not accepted due to domain's
                        550-5.7.26 DMARC policy. Please contact the administrator of example.com domain if
                        550-5.7.26 this was a legitimate mail. To learn about the DMARC initiative, go to
                        550 5.7.26  https://support.google.com/mail/?p=DmarcRejection a1si123 - gsmtp
                        """, Reason.AUTHFAILURE, false, "status:X.7.26"),
                row("550 5.7.515 Access denied, sending domain [example.com] does not meet the required authentication level.",
                        Reason.AUTHFAILURE, false, "status:5.7.515"),
                row("421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume or user"
                        + " complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes",
                        Reason.BADREPUTATION, false, "tag:TSS04"),
                // more provider codes of the issue
                row("550-5.7.25 [192.0.2.1] The IP address sending this message does not have a PTR record setup, or the\n"
                        + "550 5.7.25 corresponding forward DNS entry does not point to the sending IP. - gsmtp",
                        Reason.REQUIREPTR, false, "status:X.7.25"),
                row("421-4.7.28 [192.0.2.1] Our system has detected an unusual rate of unsolicited mail originating\n"
                        + "421 4.7.28 from your IP address. To protect our users from spam, mail sent from your IP address has been"
                        + " temporarily rate limited. - gsmtp", Reason.SPEEDING, false, "status:X.7.28"),
                row("550-5.7.1 [192.0.2.1] Our system has detected that this message is likely unsolicited mail. To reduce\n"
                        + "550 5.7.1 the amount of spam sent to Gmail, this message has been blocked. - gsmtp",
                        Reason.SPAMDETECTED, false, "reason:spamdetected"),
                row("550 5.7.509 Access denied, sending domain [example.com] does not pass DMARC verification and has a"
                        + " DMARC policy of reject.", Reason.AUTHFAILURE, false, "status:5.7.509"),
                row("550 5.7.510 Access denied, [contoso.com] does not accept email over IPv6",
                        Reason.NETWORKERROR, false, "status:5.7.510"),
                row("553 5.7.2 [TSS09] All messages from 192.0.2.1 will be permanently deferred; Retrying will NOT succeed."
                        + " See https://senders.yahooinc.com/smtp-error-codes", Reason.BLOCKED, false, "tag:TSS09"),
                row("554 Message not allowed - [PH01] Email not accepted for policy reasons. Please visit"
                        + " https://senders.yahooinc.com/error-codes", Reason.POLICYVIOLATION, false, "tag:PH01"),
                row("554 5.2.1 The email account that you tried to reach is disabled. https://support.google.com/mail/?p=DisabledUser"
                        + " - gsmtp", Reason.SUSPEND, false, "tag:DisabledUser"),
                row("452-4.2.2 The recipient's inbox is out of storage space. Please direct the recipient to\n"
                        + "452 4.2.2  https://support.google.com/mail/?p=OverQuotaTemp - gsmtp", Reason.MAILBOXFULL, false,
                        "tag:OverQuotaTemp"),
                row("556 5.1.10 <jane@nomail.example>: Recipient address rejected: Domain nomail.example does not accept mail (nullMX)",
                        Reason.NOTACCEPT, true, "status:X.1.10"));
    }

    private static Arguments row(String reply, Reason reason, boolean hard, String entry) {
        return Arguments.of(reply, reason, hard, entry);
    }

    @ParameterizedTest(name = "[{index}] {1} hard={2}")
    @MethodSource("table")
    void explains(String reply, Reason reason, boolean hard, String entry) {
        Explanation x = explained(reply);
        assertThat(x.reason()).isEqualTo(reason);
        assertThat(x.hard()).isEqualTo(hard);
        assertThat(x.meaning()).isNotBlank();
        assertThat(x.causes()).isNotEmpty();
        assertThat(x.fixes()).isNotEmpty();
        assertThat(x.matched()).contains(entry);
    }

    @org.junit.jupiter.api.Test
    void userUnknownCoversTheIssuesCausesIncludingBurstsMeaningABlock() {
        Explanation x = explained("554 5.1.1 <jane@example.org>: Recipient address rejected: User unknown in virtual mailbox table");
        String causes = String.join("\n", x.causes()).toLowerCase();
        assertThat(causes).contains("typo", "deactivated", "domain expired", "virtual mailbox table", "poor reputation",
                "short time usually signal a block");
        assertThat(String.join("\n", x.fixes()).toLowerCase()).contains("burst");
        assertThat(x.matched()).first().isEqualTo("status:X.1.1");
    }

    @org.junit.jupiter.api.Test
    void tagIsMoreSpecificThanCodeAndProviderNotesComeAlong() {
        Explanation x = explained("550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup");
        assertThat(x.reason()).isEqualTo(Reason.USERUNKNOWN);
        assertThat(x.hard()).isTrue();
        assertThat(x.matched()).startsWith("tag:RESOLVER.ADR.RecipientNotFound");
        assertThat(x.providerNotes()).containsKey(Provider.MICROSOFT);
    }

    @org.junit.jupiter.api.Test
    void aTransientUserUnknownIsSoft() {
        Explanation x = explained("450 4.1.1 <jane@example.org>: Recipient address rejected: unverified address");
        assertThat(x.reason()).isEqualTo(Reason.USERUNKNOWN);
        assertThat(x.hard()).isFalse();
    }

    @org.junit.jupiter.api.Test
    void microsoftBannedIpRangeIsBlocked() {
        Explanation x = explained("550 5.7.606 Access denied, banned sending IP [192.0.2.1]. To request removal from this"
                + " list please visit https://sender.office.com/ and follow the directions.");
        assertThat(x.reason()).isEqualTo(Reason.BLOCKED);
        assertThat(x.matched()).contains("status:X.7.606-649");
        assertThat(String.join(" ", x.fixes())).contains("sender.office.com");
    }

    @org.junit.jupiter.api.Test
    void outlookConsumerMailboxUnavailableIsUserUnknown() {
        Explanation x = explained("550 5.5.0 Requested action not taken: mailbox unavailable (S2017062302)"
                + " [BN1NAM02FT046.eop-nam02.prod.protection.outlook.com]");
        assertThat(x.reason()).isEqualTo(Reason.USERUNKNOWN);
        assertThat(x.hard()).isTrue();
        assertThat(x.reply().provider()).contains(Provider.MICROSOFT);
    }

    @org.junit.jupiter.api.Test
    void codeWithoutAnyEntryStillGetsAnExplanationFromItsSubject() {
        Explanation x = explained("550 5.7.999 Something new");
        assertThat(x.matched()).contains("subject:X.7");
        assertThat(x.causes()).isNotEmpty();
    }

    private static Explanation explained(String reply) {
        Explainer.Result r = EXPLAINER.explain(reply);
        assertThat(r).isInstanceOf(Explainer.Result.Explained.class);
        return ((Explainer.Result.Explained) r).explanation();
    }
}
