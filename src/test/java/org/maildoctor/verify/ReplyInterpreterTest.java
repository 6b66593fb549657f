package org.maildoctor.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.maildoctor.smtp.SmtpReplyParser;

class ReplyInterpreterTest {
    private final ReplyInterpreter interpreter = ReplyInterpreter.standard();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "250 2.1.5 Ok | ACCEPTED",
        "251 2.1.5 User not local; will forward | ACCEPTED",
        "550 5.1.1 <x@good.test>: Recipient address rejected: User unknown in virtual mailbox table | USER_UNKNOWN",
        "554 5.1.1 <x@good.test>: Recipient address rejected: User unknown | USER_UNKNOWN",
        "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup | USER_UNKNOWN",
        "550 No such user here | USER_UNKNOWN",
        "550 5.2.1 Mailbox disabled, not accepting messages | DISABLED",
        "552 5.2.2 Mailbox full | MAILBOX_FULL",
        "452 4.2.2 The email account that you tried to reach is over quota | MAILBOX_FULL",
        "452 4.5.3 Too many recipients | TOO_MANY_RECIPIENTS",
        "450 4.7.1 Greylisted, please try again later | TRY_LATER",
        "451 4.2.0 Greylisted, see https://postgrey.schweikert.ch/help/x.html | TRY_LATER",
        "421 4.7.0 Try again later, closing connection | TRY_LATER",
        "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org | BLOCKED",
        "550 5.7.1 Access denied | BLOCKED",
        "550 5.7.606 Access denied, banned sending IP [192.0.2.1] | BLOCKED",
        "554 Transaction failed | INCONCLUSIVE",
    })
    void readsRcptReplies(String reply, RcptOutcome expected) {
        assertThat(interpreter.interpret(SmtpReplyParser.tryParse(reply).orElseThrow())).isEqualTo(expected);
    }
}
