package org.maildoctor.bounce.reason.rhost;

import static org.maildoctor.bounce.reason.rhost.Phrases.row;

import java.util.List;
import java.util.Optional;
import org.maildoctor.smtp.Reason;

/**
 * Symantec/Broadcom Email Security.cloud, formerly MessageLabs
 * (https://knowledge.broadcom.com/external/article/169652/email-error-and-bounce-codes-for-email-s.html).
 */
final class MessageLabs implements RemoteHost {

    private static final Phrases PHRASES = Phrases.of(
            row(Reason.AUTHFAILURE, "domain authentication fail"),
            row(Reason.BADREPUTATION, "connection rejected by policy"),
            row(Reason.BLOCKED, "mail rejected because your ip is in the pbl", "your ip address has been "),
            row(Reason.CONTENTERROR, "stray linefeeds in message"),
            row(Reason.FAILEDSTARTTLS, "tls/sslv3 connection required"),
            row(Reason.NORELAYING, " as a relay, "),
            row(Reason.NOTCOMPLIANTRFC, "550 requested action aborted [4]", "has detected that this message is not rfc 5322"),
            row(Reason.REJECTED, "sender envelope domain not allowed for sender ip address", "your domain has been blocked",
                    "your email address has been blocked", "your envelope sender is in my badmailfrom list",
                    "your email address has been blacklisted", "your domain has been blacklisted"),
            row(Reason.SECURITYERROR, "please turn on smtp authentication in your mail client"),
            row(Reason.SPAMDETECTED, "message filtered", "filtered by outbound scanning"),
            row(Reason.TOOMANYCONN, "too many recipients received this hour", "too many messages"),
            row(Reason.USERUNKNOWN, "no such user", "invalid recipient", "mailbox is not allowed"));

    @Override
    public List<String> hosts() {
        return List.of(".messagelabs.com");
    }

    @Override
    public Optional<Reason> reason(Failure f) {
        return PHRASES.find(f.lower());
    }
}
