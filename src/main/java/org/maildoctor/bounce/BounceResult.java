package org.maildoctor.bounce;

import java.util.Optional;
import org.maildoctor.smtp.EnhancedStatus;
import org.maildoctor.smtp.Reason;
import org.maildoctor.smtp.ReplyCode;

/**
 * One failed (or, for {@code delivered}, reported) recipient of a bounce, with the RFC 3464 names:
 * Final-Recipient, Original-Recipient, Action, Status, Remote-MTA, Diagnostic-Code, Reporting-MTA,
 * Last-Attempt-Date. Text fields are empty strings when the bounce does not carry them; codes are
 * empty when the bounce carries none, never invented.
 *
 * @param command   the SMTP command the remote server refused ({@code RCPT}, {@code DATA}, ...), or empty
 * @param dialect   which decoder read it ({@code RFC3464}, {@code Exim}, {@code qmail}, ...)
 * @param feedbackType for {@link Reason#FEEDBACK}: the ARF Feedback-Type ({@code abuse}, ...), else empty
 */
public record BounceResult(
        String recipient,
        String originalRecipient,
        String action,
        Optional<EnhancedStatus> status,
        Optional<ReplyCode> replyCode,
        String diagnosticType,
        String diagnostic,
        String command,
        String reportingMta,
        String remoteMta,
        String arrivalDate,
        String lastAttemptDate,
        ReturnedMessage returned,
        Reason reason,
        boolean hard,
        String feedbackType,
        String dialect) {

    public BounceResult {
        recipient = nz(recipient);
        originalRecipient = nz(originalRecipient);
        action = nz(action);
        status = status == null ? Optional.empty() : status;
        replyCode = replyCode == null ? Optional.empty() : replyCode;
        diagnosticType = nz(diagnosticType);
        diagnostic = nz(diagnostic);
        command = nz(command);
        reportingMta = nz(reportingMta);
        remoteMta = nz(remoteMta);
        arrivalDate = nz(arrivalDate);
        lastAttemptDate = nz(lastAttemptDate);
        returned = returned == null ? ReturnedMessage.NONE : returned;
        if (reason == null) {
            throw new IllegalArgumentException("a result needs a reason (UNDEFINED when unknown)");
        }
        feedbackType = nz(feedbackType);
        dialect = nz(dialect);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
