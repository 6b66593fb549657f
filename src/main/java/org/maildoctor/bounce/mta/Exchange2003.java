package org.maildoctor.bounce.mta;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maildoctor.bounce.mime.Mail;
import org.maildoctor.smtp.Reason;

/**
 * Microsoft Exchange 2000/2003 (and the Internet Mail Service of 5.5): "Your message ... did not
 * reach the following recipient(s):" then {@code rcpt on DATE} and the indented explanation with
 * an {@code MSEXCH:IMS:...} diagnostic. The explanation sentences are Exchange's own.
 */
public final class Exchange2003 implements MtaDialect {

    private static final Pattern RCPT = Pattern.compile("^\\s*(\\S+@\\S+?)\\s+on\\s+\\S.*$", Pattern.MULTILINE);
    private static final String START = "did not reach the following recipient(s):";

    @Override
    public String name() {
        return "Exchange2003";
    }

    @Override
    public boolean matches(Mail mail) {
        return mail.textContains(START);
    }

    @Override
    public List<Finding> decode(Mail mail) {
        String text = mail.text();
        int from = text.indexOf(START) + START.length();
        int end = Notice.returnedStart(text);
        String notice = end > from ? text.substring(from, end) : text.substring(from);
        Matcher m = RCPT.matcher(notice);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(1), m.end(1), m.end()});
        }
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            int stop = i + 1 < spans.size() ? spans.get(i + 1)[0] : notice.length();
            String body = notice.substring(spans.get(i)[2], stop);
            int blank = body.indexOf("\n\n", 1);
            String diag = FreeForm.collapse(blank > 0 ? body.substring(0, blank) : body);
            String lower = diag.toLowerCase(Locale.ROOT);
            Reason hint = lower.contains("recipient name is not recognized") || lower.contains("unknown recipient")
                    ? Reason.USERUNKNOWN : null;
            out.add(Finding.builder().recipient(notice.substring(spans.get(i)[0], spans.get(i)[1]))
                    .diagnostic(diag).reasonHint(hint).build());
        }
        return out;
    }
}
