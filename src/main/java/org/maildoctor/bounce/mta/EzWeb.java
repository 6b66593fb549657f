package org.maildoctor.bounce.mta;

import java.util.List;
import java.util.Map;
import org.maildoctor.bounce.mime.Mail;
import org.maildoctor.smtp.Reason;

/**
 * au EZweb (ezweb.ne.jp, au.com) mobile mail. The notice is a DSN or a free-form text, read as those
 * are; what EZweb adds is its own sentence for the cause ("The user(s) account is disabled.") above the
 * SMTP reply, which says more than the reply's "550 user unknown", and the X-SPASIGN: NG header its
 * spam filter puts on a message it refused.
 */
public final class EzWeb implements MtaDialect {

    private static final Map<String, Reason> SENTENCES = Map.of(
            "Your message was not delivered within ", Reason.EXPIRED,
            "The user(s) account is temporarily over quota", Reason.MAILBOXFULL,
            "The user(s) account is disabled.", Reason.SUSPEND,
            "The user(s) account is temporarily limited.", Reason.SUSPEND);

    private final Rfc3464 dsn = new Rfc3464();
    private final FreeForm freeForm = new FreeForm();

    @Override
    public String name() {
        return "EZweb";
    }

    @Override
    public boolean matches(Mail mail) {
        int signs = 0;
        String from = mail.from();
        if (from.contains("Postmaster@ezweb.ne.jp") || from.contains("Postmaster@au.com")) {
            signs++;
        }
        if (mail.subject().equals("Mail System Error - Returned Mail")) {
            signs++;
        }
        String id = mail.headers().get("Message-ID");
        if (id.contains(".ezweb.ne.jp>") || id.contains(".au.com>")) {
            signs++;
        }
        if (signs == 0) {
            return false; // the Received sign alone is not enough; skip reading every Received field
        }
        List<String> received = mail.headers().all("Received");
        if (Notice.anyContains(received, "ezweb.ne.jp (EZweb Mail) with") || Notice.anyContains(received, ".au.com (")) {
            signs++;
        }
        return signs >= 2;
    }

    @Override
    public List<Finding> decode(Mail mail) {
        List<Finding> found = dsn.matches(mail) ? dsn.decode(mail) : List.of();
        if (found.isEmpty() && freeForm.matches(mail)) {
            found = freeForm.decode(mail);
        }
        String notice = mail.text().substring(0, Notice.returnedStart(mail.text()));
        Reason said = mail.headers().get("X-SPASIGN").strip().equals("NG") ? Reason.FILTERED : null;
        for (Map.Entry<String, Reason> e : SENTENCES.entrySet()) {
            if (said == null && notice.contains(e.getKey())) {
                said = e.getValue();
            }
        }
        if (said == null) {
            return found;
        }
        Reason hint = said;
        return found.stream().map(f -> f.reasonHint() == null ? f.toBuilder().reasonHint(hint).build() : f).toList();
    }
}
