package org.maildoctor.bounce.reason.rhost;

import static org.maildoctor.bounce.reason.rhost.Phrases.row;

import java.util.List;
import java.util.Optional;
import org.maildoctor.smtp.Reason;

/** iCloud Mail (https://support.apple.com/en-us/102322): "inactive email address" is no such user there. */
final class Apple implements RemoteHost {

    private static final Phrases PHRASES = Phrases.of(
            row(Reason.AUTHFAILURE, "s dmarc policy", "blocked for failing both spf and dkim autentication checks"),
            row(Reason.BLOCKED, "rejected due to having a domain present in the spamhaus", "rejected due to listing in spamhaus",
                    "blocked - see https://support.proofpoint.com/dnsbl-lookup", "not accepting connections"),
            row(Reason.HASMOVED, "recipient no longer on server"),
            row(Reason.MAILBOXFULL, "user is over quota"),
            row(Reason.NORELAYING, "relay access denied"),
            row(Reason.NOTACCEPT, "host/domain does not accept mail"),
            row(Reason.POLICYVIOLATION, "due to local policy"),
            row(Reason.REJECTED, "sender address rejected"),
            row(Reason.SPEEDING, "due to excessive volume"),
            row(Reason.USERUNKNOWN, "inactive email address", "user does not exist", "unknown or illegal alias"));

    @Override
    public List<String> hosts() {
        return List.of(".mail.icloud.com", ".apple.com", ".me.com");
    }

    @Override
    public Optional<Reason> reason(Failure f) {
        return PHRASES.find(f.lower());
    }
}
