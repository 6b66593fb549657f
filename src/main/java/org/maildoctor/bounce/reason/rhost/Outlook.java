package org.maildoctor.bounce.reason.rhost;

import static org.maildoctor.bounce.reason.rhost.Phrases.row;

import java.util.List;
import java.util.Optional;
import org.maildoctor.smtp.Reason;

/** Outlook.com / Hotmail (https://technet.microsoft.com/en-us/library/bb232118): "mailbox unavailable" is no such user. */
final class Outlook implements RemoteHost {

    private static final Phrases PHRASES = Phrases.of(
            row(Reason.HOSTUNKNOWN, "the mail could not be delivered to the recipient because the domain is not reachable"),
            row(Reason.USERUNKNOWN, "requested action not taken: mailbox unavailable"));

    @Override
    public List<String> hosts() {
        return List.of(".hotmail.com");
    }

    @Override
    public Optional<Reason> reason(Failure f) {
        return PHRASES.find(f.lower());
    }
}
