package org.maildoctor.bounce.mta;

import java.util.List;
import java.util.Locale;
import org.maildoctor.bounce.mime.Mail;
import org.maildoctor.smtp.Reason;

/**
 * A mail client's one-click unsubscribe: Apple Mail answers a List-Unsubscribe mailto (RFC 2369) with
 * a message marked "X-Apple-Unsubscribe: true". It is the reader opting out, so it is reported like an
 * RFC 5965 opt-out feedback report: reason {@code feedback}, type {@code opt-out}, the reader as recipient.
 * It carries Auto-Submitted: auto-replied, so it must be read before the auto-reply dialect.
 */
public final class UnsubscribeRequest implements MtaDialect {

    @Override
    public String name() {
        return "ARF";
    }

    @Override
    public boolean matches(Mail mail) {
        return mail.headers().get("X-Apple-Unsubscribe").strip().toLowerCase(Locale.ROOT).equals("true");
    }

    @Override
    public List<Finding> decode(Mail mail) {
        List<String> from = Notice.addresses(mail.from());
        if (from.isEmpty()) {
            return List.of();
        }
        String diag = mail.text().strip().lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        return List.of(Finding.builder().recipient(from.get(0)).reasonHint(Reason.FEEDBACK).feedbackType("opt-out")
                .diagnostic(diag).build());
    }
}
