package org.maildoctor.verify;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Collections;
import org.maildoctor.smtp.SmtpReply;

/**
 * The result for one address.
 *
 * @param address    the address as given (trimmed)
 * @param normalized the address with a lower-case A-label domain, empty when the syntax is invalid
 * @param reason     why; {@code reason.verdict()} need not equal {@code verdict} only for
 *                   {@link VerdictReason#UNDEFINED}, which is always unknown
 * @param subReason  the detail in plain words (which DNS answer, which step timed out …)
 * @param suggestion a likely intended address when the domain looks like a typo
 * @param mx         the mail host that answered (or was tried last)
 * @param smtp       the reply that decided the verdict, as the server sent it
 * @param transcript the SMTP conversation, filled only when asked for
 */
public record Verification(String address, Optional<String> normalized, Verdict verdict, VerdictReason reason,
                           Optional<String> subReason, Set<Flag> flags, Optional<String> suggestion,
                           Optional<String> mx, Optional<SmtpReply> smtp, List<String> transcript) {

    public Verification {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
        normalized = normalized == null ? Optional.empty() : normalized;
        subReason = subReason == null ? Optional.empty() : subReason;
        suggestion = suggestion == null ? Optional.empty() : suggestion;
        mx = mx == null ? Optional.empty() : mx;
        smtp = smtp == null ? Optional.empty() : smtp;
        flags = flags == null || flags.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(flags));
        transcript = transcript == null ? List.of() : List.copyOf(transcript);
    }

    /** The same result for another spelling of the address (duplicates in a list are verified once). */
    public Verification forAddress(String given) {
        return new Verification(given, normalized, verdict, reason, subReason, flags, suggestion, mx, smtp, transcript);
    }

    public Verification withoutTranscript() {
        return transcript.isEmpty() ? this
                : new Verification(address, normalized, verdict, reason, subReason, flags, suggestion, mx, smtp, List.of());
    }
}
