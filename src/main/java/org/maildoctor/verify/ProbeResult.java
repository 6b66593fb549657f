package org.maildoctor.verify;

import java.util.List;
import java.util.Optional;
import org.maildoctor.smtp.SmtpReply;

/**
 * What probing one address found: the RCPT outcome (or the failure that prevented one), the reply,
 * which MX host answered, whether the domain is catch-all (empty: not known) and the transcript.
 */
public record ProbeResult(Optional<RcptOutcome> outcome, Optional<ProbeFailure> failure, Optional<SmtpReply> reply,
                          Optional<String> mx, Optional<Boolean> catchAll, int attempts, List<String> transcript) {

    public ProbeResult {
        transcript = List.copyOf(transcript);
        if (outcome.isEmpty() == failure.isEmpty()) {
            throw new IllegalArgumentException("exactly one of outcome and failure");
        }
    }

    static ProbeResult answered(RcptOutcome outcome, SmtpReply reply, String mx, int attempts, List<String> transcript) {
        return new ProbeResult(Optional.of(outcome), Optional.empty(), Optional.of(reply), Optional.of(mx),
                Optional.empty(), attempts, transcript);
    }

    static ProbeResult failed(ProbeFailure failure, Optional<String> mx, int attempts, List<String> transcript) {
        return new ProbeResult(Optional.empty(), Optional.of(failure), failure.reply(), mx, Optional.empty(), attempts,
                transcript);
    }

    ProbeResult withCatchAll(Optional<Boolean> value) {
        return new ProbeResult(outcome, failure, reply, mx, value, attempts, transcript);
    }
}
