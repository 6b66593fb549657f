package org.maildoctor.bounce.reason.rhost;

import static org.maildoctor.bounce.reason.rhost.Phrases.row;

import java.util.List;
import java.util.Optional;
import org.maildoctor.smtp.Reason;

/**
 * au / KDDI (https://www.au.com/support/service/internet/trouble/mail/01/): "550 : User unknown" with
 * no address is the receiver's own filter; "&lt;addr&gt;: User unknown" is a missing mailbox.
 */
final class Kddi implements RemoteHost {

    private static final Phrases PHRASES = Phrases.of(
            row(Reason.FILTERED, "550 : user unknown"),
            row(Reason.USERUNKNOWN, ">: user unknown"));

    @Override
    public List<String> hosts() {
        return List.of(".ezweb.ne.jp", "msmx.au.com");
    }

    @Override
    public Optional<Reason> reason(Failure f) {
        return PHRASES.find(f.lower());
    }
}
