package org.maildoctor.verify;

import java.util.Optional;
import org.maildoctor.smtp.EnhancedStatus;
import org.maildoctor.smtp.KnowledgeBase;
import org.maildoctor.smtp.Reason;
import org.maildoctor.smtp.ReasonClassifier;
import org.maildoctor.smtp.SmtpReply;

/**
 * Reads an RCPT TO reply through the shared SMTP knowledge base ({@link ReasonClassifier}).
 * "Undeliverable" needs conclusive evidence: a permanent reply whose status or wording says the
 * mailbox does not exist or is disabled. A 5.7.x reply refuses the probe (its IP, its HELO, its
 * rate), which says nothing about the mailbox, so it is {@link RcptOutcome#BLOCKED}, never "invalid".
 */
public final class ReplyInterpreter {
    private final ReasonClassifier classifier;

    public ReplyInterpreter(KnowledgeBase kb) {
        this.classifier = new ReasonClassifier(kb);
    }

    public static ReplyInterpreter standard() {
        return Holder.STANDARD;
    }

    private static final class Holder {
        static final ReplyInterpreter STANDARD = new ReplyInterpreter(KnowledgeBase.standard());
    }

    public RcptOutcome interpret(SmtpReply reply) {
        int code = reply.replyCode().map(c -> c.value()).orElse(0);
        Optional<EnhancedStatus> status = reply.status();
        if (code >= 200 && code < 300) {
            return RcptOutcome.ACCEPTED;
        }
        String key = status.map(EnhancedStatus::registryKey).orElse("");
        if (key.equals("X.2.2")) {
            return RcptOutcome.MAILBOX_FULL;
        }
        if (code == 452 && key.equals("X.5.3") || code == 452 && status.isEmpty()
                && reply.text().toLowerCase(java.util.Locale.ROOT).contains("too many recipients")) {
            return RcptOutcome.TOO_MANY_RECIPIENTS;
        }
        if (reply.isTransientFailure()) {
            // greylisting is often worded as 4.7.1 (and postgrey's 4.2.0): any 4xx is "later"
            return RcptOutcome.TRY_LATER;
        }
        if (status.map(s -> s.subject() == 7).orElse(false)) {
            return RcptOutcome.BLOCKED;
        }
        if (!reply.isPermanentFailure()) {
            return RcptOutcome.INCONCLUSIVE;
        }
        switch (key) {
            case "X.1.1", "X.1.10" -> {
                return RcptOutcome.USER_UNKNOWN;
            }
            case "X.2.1" -> {
                return RcptOutcome.DISABLED;
            }
            default -> {
            }
        }
        Reason reason = classifier.classify(reply);
        return switch (reason) {
            case USERUNKNOWN -> RcptOutcome.USER_UNKNOWN;
            case SUSPEND -> RcptOutcome.DISABLED;
            case MAILBOXFULL -> RcptOutcome.MAILBOX_FULL;
            case BLOCKED, BADREPUTATION, POLICYVIOLATION, SPAMDETECTED, REJECTED, REQUIREPTR, AUTHFAILURE,
                 SECURITYERROR, SPEEDING, TOOMANYCONN, NORELAYING -> RcptOutcome.BLOCKED;
            default -> RcptOutcome.INCONCLUSIVE;
        };
    }
}
