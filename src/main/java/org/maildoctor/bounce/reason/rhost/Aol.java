package org.maildoctor.bounce.reason.rhost;

import static org.maildoctor.bounce.reason.rhost.Phrases.row;

import java.util.List;
import java.util.Optional;
import org.maildoctor.smtp.Reason;

/** AOL Mail's inbound hosts: a DNS failure on the MX of the recipient's domain means it takes no mail. */
final class Aol implements RemoteHost {

    private static final Phrases PHRASES = Phrases.of(
            row(Reason.HOSTUNKNOWN, "host or domain name not found"),
            row(Reason.NOTACCEPT, "type=mx: malformed or unexpected name server reply"));

    @Override
    public List<String> hosts() {
        return List.of(".mail.aol.com", ".mx.aol.com");
    }

    @Override
    public Optional<Reason> reason(Failure f) {
        return PHRASES.find(f.lower());
    }
}
