package org.maildoctor.bounce.mta;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maildoctor.bounce.mime.Mail;
import org.maildoctor.smtp.Reason;

/**
 * An unnamed MTA ("X3" in the peer decoder's corpus) whose notice reads "This is an automatically
 * generated Delivery Status Notification", then "Delivery to the following recipients failed
 * permanently:" or "... was aborted after 5.0 hour(s):" (spelt "Delevery" by some versions), the
 * addresses as "* rcpt", and an optional "Technical details:" block with the remote reply. "Aborted
 * after" a time means the queue gave up: expired, unless the reply names another cause.
 */
public final class X3 implements MtaDialect {

    private static final Pattern START = Pattern.compile(
            "(?:Delivery|Delevery) to the following recipients (failed permanently|was aborted after [^\\n]*):");
    private static final Pattern RCPT = Pattern.compile("(?m)^\\s*\\*\\s*([^\\s<>]+@[^\\s<>]+)\\s*$");
    private static final String DETAILS = "Technical details:";

    @Override
    public String name() {
        return "X3";
    }

    @Override
    public boolean matches(Mail mail) {
        return mail.subject().equals("Delivery status notification") && mail.from().startsWith("Mail Delivery System")
                && mail.textContains("This is an automatically generated Delivery Status Notification");
    }

    @Override
    public List<Finding> decode(Mail mail) {
        String text = mail.text();
        String notice = text.substring(0, Notice.returnedStart(text));
        Matcher s = START.matcher(notice);
        if (!s.find()) {
            return List.of();
        }
        boolean aborted = s.group(1).startsWith("was aborted");
        int d = notice.indexOf(DETAILS, s.end());
        String list = d >= 0 ? notice.substring(s.end(), d) : notice.substring(s.end());
        String diag = d >= 0 ? FreeForm.collapse(notice.substring(d + DETAILS.length()).replace("=", " ")) : "";
        List<Finding> out = new ArrayList<>();
        Matcher r = RCPT.matcher(list);
        while (r.find()) {
            Finding.Builder b = Finding.builder().recipient(r.group(1)).diagnostic(diag).command(Notice.command(diag));
            if (diag.startsWith("SMTP:RCPT")) {
                b.command("RCPT");
            }
            if (aborted) {
                b.reasonHint(Reason.EXPIRED);
            }
            out.add(b.build());
        }
        return out;
    }
}
