package org.maildoctor.blocklist;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one list said about the target.
 *
 * @param queryName the name that was asked (key + zone)
 * @param answers   the A record addresses received, in answer order
 * @param codes     the documented meaning of each listing code (empty unless {@link Verdict#LISTED})
 * @param reason    the list's TXT record at the query name, when it has one (RFC 5782 §2.1)
 * @param cause     present exactly when the verdict is {@link Verdict#UNKNOWN}
 * @param explanation plain words: what the list said and what it means
 */
public record ListResult(Blocklist list, String queryName, Verdict verdict, Optional<UnknownCause> cause,
        List<String> answers, List<ReturnCode> codes, Optional<String> reason, ProbeStatus probe,
        String explanation) {

    public ListResult {
        Objects.requireNonNull(list);
        Objects.requireNonNull(queryName);
        Objects.requireNonNull(verdict);
        cause = Objects.requireNonNullElse(cause, Optional.empty());
        answers = List.copyOf(answers);
        codes = List.copyOf(codes);
        reason = Objects.requireNonNullElse(reason, Optional.empty());
        Objects.requireNonNull(probe);
        Objects.requireNonNull(explanation);
        if ((verdict == Verdict.UNKNOWN) != cause.isPresent()) {
            throw new IllegalArgumentException("a cause goes with an unknown verdict, and only there");
        }
    }
}
