package org.maildoctor.bounce.reason.rhost;

import static org.maildoctor.bounce.reason.rhost.Phrases.row;

import java.util.List;
import java.util.Optional;
import org.maildoctor.smtp.Reason;

/**
 * NTT DOCOMO's mfsmax.docomo.ne.jp answers "550 Unknown user" both for a missing mailbox (at RCPT)
 * and for its receivers' domain filters (after DATA, when the address was accepted at RCPT): the
 * refused command tells them apart.
 */
final class NttDocomo implements RemoteHost {

    private static final Phrases PHRASES = Phrases.of(
            row(Reason.MAILBOXFULL, "552 too much mail data"),
            row(Reason.SYNTAXERROR, "503 bad sequence of commands", "504 command parameter not implemented"),
            row(Reason.TOOMANYCONN, "552 too many recipients"));

    @Override
    public List<String> hosts() {
        return List.of("mfsmax.docomo.ne.jp");
    }

    @Override
    public Optional<Reason> reason(Failure f) {
        // replies that name their cause whatever the command
        Optional<Reason> said = PHRASES.find(f.lower());
        if (said.isPresent()) {
            return said;
        }
        if (f.status().equals("5.1.1")) {
            return Optional.of(Reason.USERUNKNOWN);
        }
        if (f.status().equals("5.2.0")) {
            return Optional.of(Reason.FILTERED);
        }
        if (f.status().equals("5.0.0")) {
            if (f.command().equals("RCPT")) {
                return Optional.of(Reason.USERUNKNOWN);
            }
            if (f.command().equals("DATA")) {
                return Optional.of(Reason.REJECTED);
            }
        }
        return f.lower().contains("550 unknown user") ? Optional.of(Reason.USERUNKNOWN) : Optional.empty();
    }
}
