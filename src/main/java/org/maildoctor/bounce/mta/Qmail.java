package org.maildoctor.bounce.mta;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maildoctor.bounce.mime.Mail;
import org.maildoctor.smtp.Reason;
import org.maildoctor.smtp.WordingPattern;

/**
 * qmail's "failure notice" (qmail-send) and its clones: a recipient line {@code <rcpt>:} and the
 * explanation below it, up to "--- Below this line is a copy of the message.". qmail writes its own
 * fixed sentences (qmail-remote.c, qmail-local.c, the qmail-ldap patch); those decide the reason and
 * the refused command, because the remote reply is often missing.
 */
public final class Qmail implements MtaDialect {

    private static final Pattern RCPT_LINE = Pattern.compile("^<([^<>\\s]+@[^<>\\s]+)>:?\\s*$", Pattern.MULTILINE);
    /** Case-insensitive, spelled in lower case so that it runs on the lowered text with a literal prefilter. */
    private static final WordingPattern START = WordingPattern.compile(
            "hi\\. this is the qmail|he/her is not |unable to deliver your message to the following address"
                    + "|su mensaje no pudo ser entregado|this is the machine generated message from mail service"
                    + "|this is the mail delivery agent at|unable to deliver message to the following address"
                    + "|unfortunately, your mail was not delivered to the following address|your mail message to the following address"
                    + "|your message to the following addresses|we're sorry\\.");
    private static final Pattern END = Pattern.compile(
            "^--- Below (?:this|the next) line is a copy of the (?:message|mail header)|^--- Mensaje original adjunto|^Original message follows",
            Pattern.MULTILINE);
    // compiled once: String.replaceAll compiles its regex on every call
    private static final Pattern ANGLES = Pattern.compile("^<|>:?$");
    private static final Pattern RHOST = Pattern.compile("(?:Giving up on|Connected to|remote host) (\\S+?)\\.?(?:\\s|$)");

    /** qmail-remote.c's sentences for each SMTP stage. */
    private static final Map<String, String> COMMANDS = Map.of(
            " but greeting failed", "CONN",
            " but my name was rejected", "EHLO",
            " but sender was rejected", "MAIL",
            " does not like recipient", "RCPT",
            " failed on DATA command", "DATA",
            " failed after I sent the message", "DATA");

    private record Sentence(Reason reason, String text) {
    }

    /** qmail's own sentences (qmail-remote.c, qmail-local.c, error_str.c, the qmail-ldap patch). */
    private static final List<Sentence> SENTENCES = List.of(
            new Sentence(Reason.HOSTUNKNOWN, "sorry, i couldn't find any host "),
            new Sentence(Reason.MAILBOXFULL, "disk quota exceeded"),
            new Sentence(Reason.MESGTOOBIG, "message size exceeds fixed maximum message size:"),
            new Sentence(Reason.NETWORKERROR, "sorry, i wasn't able to establish an smtp connection"),
            new Sentence(Reason.NETWORKERROR, "although i'm listed as a best-preference mx or a for that host"),
            // notqmail 1.08 says this when the destination has a null MX (RFC 7505)
            new Sentence(Reason.NOTACCEPT, "sorry, i couldn't find a mail exchanger or ip address"),
            new Sentence(Reason.SYSTEMFULL, "mailbox unavailable (not enough free space)"),
            new Sentence(Reason.USERUNKNOWN, "no mailbox here by that name"),
            new Sentence(Reason.EXCEEDLIMIT, "the message exeeded the maximum size the user accepts"),
            new Sentence(Reason.SUSPEND, "mailaddress is administrativ"),
            new Sentence(Reason.SYSTEMERROR, "bad interpreter: no such file or directory"),
            new Sentence(Reason.SYSTEMERROR, "system error"),
            new Sentence(Reason.SYSTEMERROR, "ldap"),
            new Sentence(Reason.SYSTEMERROR, "automatic homedir"),
            new Sentence(Reason.SYSTEMERROR, "qmail-forward"),
            new Sentence(Reason.SYSTEMERROR, "unable to"));

    private static final String EXPIRED = "this message has been in the queue too long";

    @Override
    public String name() {
        return "qmail";
    }

    @Override
    public boolean matches(Mail mail) {
        String subject = mail.subject().strip();
        return subject.equals("failure notice") || subject.equals("Failure Notice")
                || Notice.anyContains(mail.headers().all("Received"), "(qmail ");
    }

    @Override
    public List<Finding> decode(Mail mail) {
        String text = mail.text();
        Matcher s = START.findFirst(text, WordingPattern.lower(text));
        if (s == null) {
            return List.of();
        }
        Matcher e = Notice.findAtLineStarts(END, text, s.end());
        int end = e != null ? e.start() : text.length();
        String notice = text.substring(s.end(), end);
        Matcher m = RCPT_LINE.matcher(notice);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            String rcpt = ANGLES.matcher(notice.substring(spans.get(i)[0], spans.get(i)[1]).strip()).replaceAll("");
            String body = notice.substring(spans.get(i)[1], i + 1 < spans.size() ? spans.get(i + 1)[0] : notice.length());
            String diag = FreeForm.collapse(body);
            Finding.Builder b = Finding.builder().recipient(rcpt).diagnostic(diag);
            Matcher h = RHOST.matcher(diag);
            if (h.find()) {
                b.remoteMta(h.group(1));
            }
            String command = "";
            for (Map.Entry<String, String> c : COMMANDS.entrySet()) {
                if (diag.contains(c.getKey())) {
                    command = c.getValue();
                    break;
                }
            }
            if (command.isEmpty()) {
                command = Notice.command(diag);
            }
            b.command(command).reasonHint(reason(diag, command));
            out.add(b.build());
        }
        return out;
    }

    /** qmail's own sentence decides; a refused greeting is a block; otherwise the general rules. */
    private static Reason reason(String diag, String command) {
        if (command.equals("EHLO") || command.equals("HELO")) {
            return Reason.BLOCKED;
        }
        String lower = diag.toLowerCase(Locale.ROOT);
        if (lower.contains(" does not like recipient") && lower.contains(EXPIRED)) {
            return null; // the remote reply inside says why; let the rules read it
        }
        int said = lower.indexOf("remote host said:");
        for (String part : said >= 0 ? List.of(lower.substring(said), lower) : List.of(lower)) {
            for (Sentence st : SENTENCES) {
                if (part.contains(st.text())) {
                    return st.reason();
                }
            }
            if (part.contains(EXPIRED)) {
                return Reason.EXPIRED;
            }
        }
        return null;
    }
}
