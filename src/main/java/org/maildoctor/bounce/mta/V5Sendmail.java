package org.maildoctor.bounce.mta;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maildoctor.bounce.mime.Mail;

/**
 * Sendmail before version 8 (no DSN): "----- Transcript of session follows -----", blocks of "While
 * talking to host:", "&gt;&gt;&gt; COMMAND", "&lt;&lt;&lt; reply", then one line per failed recipient
 * ("554 &lt;rcpt&gt;... Remote protocol error"), and "----- Unsent message follows -----". The remote
 * server's reply ("&lt;&lt;&lt;") belongs to the recipient line that follows it, as does the command it answered.
 */
public final class V5Sendmail implements MtaDialect {
    // compiled once: String.split compiles a regex of more than one character on every call
    private static final java.util.regex.Pattern SPACE_OR_COLON = java.util.regex.Pattern.compile("[\\s:]");


    private static final String TRANSCRIPT = "----- Transcript of session follows -----";
    private static final String UNSENT = "----- Unsent message follows -----";
    private static final Pattern TALKING = Pattern.compile("^While talking to ([^:\\s]+):");
    private static final Pattern RCPT_LINE = Pattern.compile("^\\d{3} <([^<>\\s]+@[^<>\\s]+)>\\.\\.\\. (.*)$");

    @Override
    public String name() {
        return "V5Sendmail";
    }

    @Override
    public boolean matches(Mail mail) {
        return mail.deliveryStatus().isEmpty() && mail.textContains(TRANSCRIPT) && mail.textContains(UNSENT);
    }

    @Override
    public List<Finding> decode(Mail mail) {
        String text = mail.text();
        int start = text.indexOf(TRANSCRIPT);
        int end = text.indexOf(UNSENT, start);
        if (start < 0 || end < 0) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        String host = "";
        String command = "";
        String reply = "";
        for (String raw : text.substring(start + TRANSCRIPT.length(), end).split("\n")) {
            String line = raw.strip();
            Matcher t = TALKING.matcher(line);
            if (t.find()) {
                host = t.group(1);
                command = "";
                reply = "";
            } else if (line.startsWith(">>> ")) {
                command = SPACE_OR_COLON.split(line.substring(4).strip(), 2)[0].toUpperCase(Locale.ROOT);
            } else if (line.startsWith("<<< ")) {
                reply = reply.isEmpty() ? line.substring(4).strip() : reply + " " + line.substring(4).strip();
            } else {
                Matcher r = RCPT_LINE.matcher(line);
                if (r.find()) {
                    String diag = reply.isEmpty() ? line : reply + " " + r.group(2);
                    out.add(Finding.builder().recipient(r.group(1)).diagnostic(diag).remoteMta(host)
                            .command(reply.isEmpty() ? "" : command).build());
                    reply = ""; // the reply explains the first recipient line after it only
                    command = "";
                }
            }
        }
        return out;
    }
}
