package org.maildoctor.bounce.mta;

import java.util.ArrayList;
import java.util.List;
import org.maildoctor.bounce.mime.Mail;
import org.maildoctor.smtp.Reason;

/**
 * Google Groups refusing a post: a localized notice from mailer-daemon@googlemail.com that the group
 * does not exist or the sender may not post to it, with the group in X-Failed-Recipients. The sender
 * was refused, not the address, so the reason is {@code rejected}.
 */
public final class GoogleGroups implements MtaDialect {

    @Override
    public String name() {
        return "GoogleGroups";
    }

    @Override
    public boolean matches(Mail mail) {
        return mail.deliveryStatus().isEmpty()
                && mail.from().toLowerCase(java.util.Locale.ROOT).contains("mailer-daemon@googlemail.com")
                && mail.headers().get("X-Failed-Recipients").contains("@googlegroups.com");
    }

    @Override
    public List<Finding> decode(Mail mail) {
        String notice = mail.text().substring(0, Notice.returnedStart(mail.text()));
        String diag = FreeForm.collapse(notice.strip().lines().skip(1).filter(l -> !l.isBlank()).findFirst().orElse(""));
        List<Finding> out = new ArrayList<>();
        for (String a : mail.headers().get("X-Failed-Recipients").split(",")) {
            if (!a.isBlank()) {
                // "the group does not exist, or you may not post": the sender was refused. A plain
                // "address couldn't be found" is left to the rules (user unknown).
                Reason hint = diag.contains("couldn't be found") ? null : Reason.REJECTED;
                out.add(Finding.builder().recipient(a.strip()).diagnostic(diag).reasonHint(hint).build());
            }
        }
        return out;
    }
}
