package org.maildoctor.bounce.mta;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maildoctor.bounce.mime.Mail;

/**
 * DragonFly Mail Agent (dma): "There was an error delivering your mail to &lt;rcpt&gt;." then the
 * reason paragraph(s), up to "Message headers follow.". The remote server's reply, when there is
 * one, follows "host [ip] did not like our RCPT TO:" or similar.
 */
public final class DragonFly implements MtaDialect {
    // compiled once: String.replaceFirst compiles its regex on every call
    private static final java.util.regex.Pattern LEADING_DOT = java.util.regex.Pattern.compile("^\\.");
    private static final java.util.regex.Pattern UP_TO_ANGLE = java.util.regex.Pattern.compile(".*<");


    private static final Pattern RCPT = Pattern.compile("There was an error delivering your mail to <([^>]+)>");

    @Override
    public String name() {
        return "DragonFly";
    }

    @Override
    public boolean matches(Mail mail) {
        return mail.textContains("This is the DragonFly Mail Agent")
                || mail.headers().get("Received").contains("DragonFly Mail Agent") && RCPT.matcher(mail.text()).find();
    }

    @Override
    public List<Finding> decode(Mail mail) {
        String text = mail.text();
        int end = text.indexOf("Message headers follow");
        String notice = end < 0 ? text : text.substring(0, end);
        Matcher m = RCPT.matcher(notice);
        List<Finding> out = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        for (int i = 0; i < spans.size(); i++) {
            int from = spans.get(i)[1];
            int to = i + 1 < spans.size() ? spans.get(i + 1)[0] : notice.length();
            String body = LEADING_DOT.matcher(notice.substring(from, to)).replaceFirst("");
            String diag = FreeForm.collapse(body);
            String rcpt = UP_TO_ANGLE.matcher(notice.substring(spans.get(i)[0], spans.get(i)[1])).replaceFirst("").replace(">", "");
            out.add(Finding.builder().recipient(rcpt).diagnostic(diag).command(Notice.command(diag)).build());
        }
        return out;
    }
}
