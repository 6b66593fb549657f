package org.maildoctor.bounce.mta;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maildoctor.bounce.mime.Mail;
import org.maildoctor.smtp.Reason;

/**
 * Ipswitch IMail Server ({@code X-Mailer: <SMTP32 ...>}): "Undeliverable Mail" with lines
 * {@code <why>: <rcpt>} and the remote reply below, up to "Original message follows.". The
 * {@code <why>} phrases are IMail's own and name the reason.
 */
public final class IMailServer implements MtaDialect {

    private static final Pattern LINE = Pattern.compile("^([A-Za-z][^:\\n]{3,60}):\\s*<?(\\S+@[^\\s>]+)>?\\s*$", Pattern.MULTILINE);
    private static final Map<String, Reason> PHRASES = Map.of(
            "unknown user", Reason.USERUNKNOWN,
            "invalid final delivery userid", Reason.USERUNKNOWN,
            "user mailbox exceeds allowed size", Reason.MAILBOXFULL,
            "host not found", Reason.HOSTUNKNOWN);
    private static final Pattern EXPIRED = Pattern.compile("(?i)delivery failed \\d+ attempts");

    @Override
    public String name() {
        return "IMailServer";
    }

    @Override
    public boolean matches(Mail mail) {
        return mail.headers().get("X-Mailer").startsWith("<SMTP32 v");
    }

    @Override
    public List<Finding> decode(Mail mail) {
        String text = mail.text();
        int end = text.indexOf("Original message follows.");
        String notice = end < 0 ? text : text.substring(0, end);
        Matcher m = LINE.matcher(notice);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            Matcher l = LINE.matcher(notice.substring(spans.get(i)[0], spans.get(i)[1]));
            if (!l.find()) {
                continue;
            }
            String phrase = l.group(1).strip();
            String rest = notice.substring(spans.get(i)[1], i + 1 < spans.size() ? spans.get(i + 1)[0] : notice.length());
            String diag = FreeForm.collapse(phrase + ": " + rest);
            Reason hint = PHRASES.get(phrase.toLowerCase(Locale.ROOT));
            if (hint == null && EXPIRED.matcher(phrase).find()) {
                hint = Reason.EXPIRED;
            }
            out.add(Finding.builder().recipient(l.group(2)).diagnostic(diag).command(Notice.command(rest))
                    .reasonHint(hint).build());
        }
        return out;
    }
}
