package org.maildoctor.bounce.mta;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maildoctor.bounce.mime.Mail;

/**
 * KDDI (au, dion.ne.jp): "Your mail sent on: DATE / Could not be delivered to: &lt;rcpt&gt; / As
 * their mailbox is full." The line after the recipient gives the cause.
 */
public final class Kddi implements MtaDialect {

    private static final Pattern RCPT = Pattern.compile("Could not be delivered to:\\s*<([^<>\\s]+@[^<>\\s]+)>\\s*\\n?([^\\n]*)");

    @Override
    public String name() {
        return "KDDI";
    }

    @Override
    public boolean matches(Mail mail) {
        return mail.textContains("Could not be delivered to: <");
    }

    @Override
    public List<Finding> decode(Mail mail) {
        Matcher m = RCPT.matcher(mail.text());
        List<Finding> out = new ArrayList<>();
        while (m.find()) {
            out.add(Finding.builder().recipient(m.group(1)).diagnostic(m.group(2).strip()).build());
        }
        return out;
    }
}
