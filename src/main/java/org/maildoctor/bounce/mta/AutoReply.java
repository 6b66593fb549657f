package org.maildoctor.bounce.mta;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.maildoctor.bounce.mime.Mail;
import org.maildoctor.smtp.Reason;

/**
 * RFC 3834 automatic replies (out of office, vacation): reason {@code vacation}, the recipient is the
 * one who replied. Recognised by Auto-Submitted: auto-replied, the de-facto X-Autoreply /
 * X-Autorespond / Precedence headers, or an out-of-office subject.
 */
public final class AutoReply implements MtaDialect {

    private static final Pattern SUBJECT = Pattern.compile(
            "^(?:auto(?:matic)?[ -]?(?:reply|response|antwort)|out of (?:the )?office|vacation|abwesenheit|autoreply|auto:|réponse automatique"
                    + "|自動応答|不在)", Pattern.CASE_INSENSITIVE);

    @Override
    public String name() {
        return "RFC3834";
    }

    @Override
    public boolean matches(Mail mail) {
        String auto = mail.headers().get("Auto-Submitted").toLowerCase(Locale.ROOT);
        String precedence = mail.headers().get("Precedence").toLowerCase(Locale.ROOT);
        if (FreeForm.looksLikeBounce(mail)) {
            return false; // Exim and others mark their bounces Auto-Submitted: auto-replied too
        }
        return auto.startsWith("auto-replied") || mail.headers().has("X-Autoreply")
                || mail.headers().has("X-Autorespond") || precedence.contains("auto_reply")
                || SUBJECT.matcher(mail.subject().strip()).find();
    }

    @Override
    public List<Finding> decode(Mail mail) {
        List<String> from = Notice.addresses(mail.from());
        if (from.isEmpty()) {
            return List.of();
        }
        String diag = mail.text().strip().lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        return List.of(Finding.builder().recipient(from.get(0)).reasonHint(Reason.VACATION)
                .diagnostic(diag).build());
    }
}
