package org.maildoctor.bounce.mta;

import org.maildoctor.smtp.Reason;

/**
 * What a dialect read for one recipient, before the reason is decided: raw field values as the
 * bounce wrote them. {@code reasonHint} is set only where the dialect's own wording is decisive
 * (an Exim "retry timeout exceeded", an ARF report); otherwise the reason rules decide.
 */
public record Finding(String recipient, String originalRecipient, String action, String status,
        String diagnosticType, String diagnostic, String command, String reportingMta, String remoteMta,
        String arrivalDate, String lastAttemptDate, Reason reasonHint, String feedbackType) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.recipient = recipient;
        b.originalRecipient = originalRecipient;
        b.action = action;
        b.status = status;
        b.diagnosticType = diagnosticType;
        b.diagnostic = diagnostic;
        b.command = command;
        b.reportingMta = reportingMta;
        b.remoteMta = remoteMta;
        b.arrivalDate = arrivalDate;
        b.lastAttemptDate = lastAttemptDate;
        b.reasonHint = reasonHint;
        b.feedbackType = feedbackType;
        return b;
    }

    /** Fills the record field by field; a dialect reads fields in whatever order its format has them. */
    public static final class Builder {
        private String recipient = "";
        private String originalRecipient = "";
        private String action = "";
        private String status = "";
        private String diagnosticType = "";
        private String diagnostic = "";
        private String command = "";
        private String reportingMta = "";
        private String remoteMta = "";
        private String arrivalDate = "";
        private String lastAttemptDate = "";
        private Reason reasonHint;
        private String feedbackType = "";

        public Builder recipient(String v) { recipient = nz(v); return this; }
        public Builder originalRecipient(String v) { originalRecipient = nz(v); return this; }
        public Builder action(String v) { action = nz(v); return this; }
        public Builder status(String v) { status = nz(v); return this; }
        public Builder diagnosticType(String v) { diagnosticType = nz(v); return this; }
        public Builder diagnostic(String v) { diagnostic = nz(v); return this; }
        public Builder command(String v) { command = nz(v); return this; }
        public Builder reportingMta(String v) { reportingMta = nz(v); return this; }
        public Builder remoteMta(String v) { remoteMta = nz(v); return this; }
        public Builder arrivalDate(String v) { arrivalDate = nz(v); return this; }
        public Builder lastAttemptDate(String v) { lastAttemptDate = nz(v); return this; }
        public Builder reasonHint(Reason v) { reasonHint = v; return this; }
        public Builder feedbackType(String v) { feedbackType = nz(v); return this; }

        public String diagnostic() { return diagnostic; }
        public String recipient() { return recipient; }

        public Finding build() {
            return new Finding(recipient, originalRecipient, action, status, diagnosticType, diagnostic, command,
                    reportingMta, remoteMta, arrivalDate, lastAttemptDate, reasonHint, feedbackType);
        }

        private static String nz(String v) {
            return v == null ? "" : v.strip();
        }
    }
}
