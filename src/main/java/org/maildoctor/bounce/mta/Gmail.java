package org.maildoctor.bounce.mta;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maildoctor.bounce.mime.Mail;

/**
 * Gmail's notice (the older plain format without a DSN): "Delivery to the following recipient
 * failed permanently:" (or "has been delayed:"), the indented addresses, then "Technical details of
 * permanent failure:". The remote server's own reply follows "The error that the other server
 * returned was:"; Google's sentence before it is boilerplate and says nothing about the cause.
 */
public final class Gmail implements MtaDialect {

    private static final Pattern START = Pattern.compile(
            "Delivery to the following recipients? (failed permanently|has been delayed|failed temporarily)s?:");
    private static final Pattern DETAILS = Pattern.compile("Technical details of (?:permanent|temporary) failure:\\s*");
    private static final String RETURNED = "The error that the other server returned was:";
    /**
     * Gmail appends its SMTP client's state to the reply: 14 is RCPT TO, 17 and 18
     * the message data. A refusal at state 18 came after the remote server had read the message,
     * so it is the recipient side's filter (the peer decoder's reading too).
     */
    private static final Pattern STATE = Pattern.compile("\\(state (\\d+)\\)");

    @Override
    public String name() {
        return "Gmail";
    }

    @Override
    public boolean matches(Mail mail) {
        return mail.deliveryStatus().isEmpty() && START.matcher(mail.text()).find()
                && DETAILS.matcher(mail.text()).find();
    }

    @Override
    public List<Finding> decode(Mail mail) {
        String text = mail.text();
        String notice = text.substring(0, Notice.returnedStart(text));
        Matcher s = START.matcher(notice);
        if (!s.find()) {
            return List.of();
        }
        boolean delayed = s.group(1).contains("delayed");
        Matcher d = DETAILS.matcher(notice);
        int detailsAt = d.find(s.end()) ? d.start() : notice.length();
        List<String> rcpts = Notice.addresses(notice.substring(s.end(), detailsAt));
        String details = detailsAt < notice.length() ? notice.substring(d.end()) : "";
        int r = details.indexOf(RETURNED);
        String diag = FreeForm.collapse(r >= 0 ? details.substring(r + RETURNED.length()) : details);
        List<Finding> out = new ArrayList<>();
        for (String rcpt : rcpts) {
            Finding.Builder b = Finding.builder().recipient(rcpt).diagnostic(diag).command(Notice.command(diag));
            Matcher st = STATE.matcher(diag);
            if (st.find()) {
                switch (st.group(1)) {
                    case "14" -> b.command("RCPT");
                    case "17", "18" -> b.command("DATA").reasonHint(org.maildoctor.smtp.Reason.FILTERED);
                    default -> { }
                }
            }
            if (delayed) {
                b.action("delayed");
            }
            out.add(b.build());
        }
        return out;
    }
}
