package org.maildoctor.verify;

import java.util.Optional;
import org.maildoctor.smtp.SmtpReply;

/** Why an SMTP step did not give a usable reply. {@code reply} when the server answered with an error. */
public record ProbeFailure(Kind kind, String detail, Optional<SmtpReply> reply) {

    public enum Kind {
        /** Connect or read took longer than the step's timeout. */
        TIMEOUT,
        /** Connection refused, reset or dropped mid-reply; no route. */
        NETWORK,
        /** The server sent something that is no SMTP reply, or an over-long one. */
        PROTOCOL,
        /** The server answered the greeting, EHLO or MAIL FROM with an error reply. */
        REJECTED
    }

    public ProbeFailure {
        reply = reply == null ? Optional.empty() : reply;
    }

    public static ProbeFailure of(Kind kind, String detail) {
        return new ProbeFailure(kind, detail, Optional.empty());
    }
}
