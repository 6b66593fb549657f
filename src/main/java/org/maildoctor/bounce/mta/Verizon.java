package org.maildoctor.bounce.mta;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maildoctor.bounce.mime.Mail;
import org.maildoctor.smtp.Reason;

/**
 * Verizon Wireless's SMS/MMS gateways (vtext.com, vzwpix.com): "Error: ..." lines, then either
 * "Original Message:" or "Message details:" with the returned envelope ("RCPT TO: rcpt" or "To: rcpt").
 * "No valid recipients for this MM" and "no such user here" both mean the number has no mailbox.
 */
public final class Verizon implements MtaDialect {
    // compiled once: String.matches compiles its regex on every call
    private static final java.util.regex.Pattern VZWPIX = java.util.regex.Pattern.compile("(?s).*sysadmin@[^>\\s]*\\.vzwpix\\.com.*");


    private static final Pattern RCPT = Pattern.compile("(?m)^\\s*(?:RCPT TO|To):\\s*(?:.*<)?([^<>\\s]+@[^<>\\s]+?)>?\\s*$");
    private static final Pattern UNKNOWN = Pattern.compile("(?i)no such user here|no valid recipients");

    @Override
    public String name() {
        return "Verizon";
    }

    @Override
    public boolean matches(Mail mail) {
        String from = mail.from().toLowerCase(java.util.Locale.ROOT);
        return from.contains("post_master@vtext.com") || VZWPIX.matcher(from).matches();
    }

    @Override
    public List<Finding> decode(Mail mail) {
        String text = mail.text();
        int err = text.indexOf("Error: ");
        if (err < 0) {
            return List.of();
        }
        int end = text.length();
        for (String boundary : List.of("Original Message:", "Message details:")) {
            int b = text.indexOf(boundary, err);
            if (b >= 0 && b < end) {
                end = b;
            }
        }
        String diag = FreeForm.collapse(text.substring(err, end));
        Matcher m = RCPT.matcher(text.substring(end));
        if (!m.find()) {
            return List.of();
        }
        Finding.Builder b = Finding.builder().recipient(m.group(1)).diagnostic(diag);
        if (UNKNOWN.matcher(diag).find()) {
            b.reasonHint(Reason.USERUNKNOWN);
        }
        return List.of(b.build());
    }
}
