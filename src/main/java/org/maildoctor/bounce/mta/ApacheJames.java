package org.maildoctor.bounce.mta;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maildoctor.bounce.mime.Mail;

/**
 * Apache James's notice (also sent by the Verizon/vtext SMS gateways that run it): "Error: ...",
 * "Error message below:" with the remote reply, and "Message details:" listing the envelope, whose
 * {@code RCPT TO:} line names the recipient.
 */
public final class ApacheJames implements MtaDialect {

    private static final Pattern RCPT = Pattern.compile("^\\s*RCPT TO:\\s*<?([^\\s<>]+@[^\\s<>]+)>?\\s*$", Pattern.MULTILINE);
    private static final Pattern ERROR = Pattern.compile("Error message below:\\s*\\n(.+)");

    @Override
    public String name() {
        return "ApacheJames";
    }

    @Override
    public boolean matches(Mail mail) {
        return mail.textContains("Error message below:") && mail.textContains("Message details:");
    }

    @Override
    public List<Finding> decode(Mail mail) {
        Matcher r = RCPT.matcher(mail.text());
        if (!r.find()) {
            return List.of();
        }
        Matcher e = ERROR.matcher(mail.text());
        String diag = e.find() ? e.group(1).strip() : "";
        return List.of(Finding.builder().recipient(r.group(1)).diagnostic(diag).build());
    }
}
