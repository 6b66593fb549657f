package org.maildoctor.bounce.mta;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maildoctor.bounce.mime.Mail;
import org.maildoctor.smtp.Reason;

/**
 * Trend Micro InterScan Messaging Security Suite (now Trend Vision One email security). Either a
 * transcript ("Sent &lt;&lt;&lt; RCPT TO:&lt;rcpt&gt;" / "Received &gt;&gt;&gt; 550 5.1.1 ... user unknown") or its own
 * sentence "Unable to deliver message to &lt;rcpt&gt; (and other recipients in the same domain)", which it
 * writes when the recipient's server refused the address: the suite asks to "check if address is correct".
 */
public final class TrendMicro implements MtaDialect {
    // compiled once: String.split compiles a regex of more than one character on every call
    private static final java.util.regex.Pattern SPACE_OR_COLON = java.util.regex.Pattern.compile("[\\s:]");


    private static final Pattern ADDRESS = Pattern.compile("<([^<>\\s]+@[^<>\\s]+)>");
    private static final String UNABLE = "Unable to deliver ";

    @Override
    public String name() {
        return "TrendMicro";
    }

    @Override
    public boolean matches(Mail mail) {
        return mail.from().contains("InterScan") || mail.contentType().contains("interscan")
                || mail.textContains(" InterScan ");
    }

    @Override
    public List<Finding> decode(Mail mail) {
        String text = mail.text();
        String notice = text.substring(0, Notice.returnedStart(text));
        List<Finding.Builder> found = new ArrayList<>();
        Finding.Builder current = null;
        for (String line : notice.split("\n")) {
            String e = line.strip();
            boolean transcript = e.contains("<<< ") || e.contains(">>> ");
            Matcher m = ADDRESS.matcher(e);
            String rcpt = null;
            while (m.find()) {
                rcpt = m.group(1);
            }
            if (rcpt != null && (transcript || e.contains(UNABLE))) {
                if (current == null || !current.recipient().equalsIgnoreCase(rcpt)) {
                    current = Finding.builder().recipient(rcpt);
                    found.add(current);
                }
                if (e.contains(UNABLE)) {
                    current.diagnostic(e.substring(e.indexOf(UNABLE))).reasonHint(Reason.USERUNKNOWN);
                }
            }
            if (current == null) {
                continue;
            }
            if (e.startsWith("Sent <<< ")) {
                current.command(SPACE_OR_COLON.split(e.substring(9).strip(), 2)[0]);
            } else if (e.startsWith("Received >>> ")) {
                current.diagnostic(e.substring(13)).reasonHint(null);
            }
        }
        return found.stream().map(Finding.Builder::build).toList();
    }
}
