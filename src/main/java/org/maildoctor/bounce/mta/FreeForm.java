package org.maildoctor.bounce.mta;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maildoctor.bounce.mime.Mail;
import org.maildoctor.smtp.WordingPattern;

/**
 * The last resort: a plain-text notice from software with no dialect of its own. Reads only a
 * message that says it is a bounce (sent by a mailer-daemon or postmaster, or with a bounce
 * subject), takes the addresses in the notice that are not the sender's, and for each the server
 * reply or the paragraph that follows it.
 */
public class FreeForm implements MtaDialect {

    static final Pattern BOUNCE_FROM = Pattern.compile(
            "mailer-daemon|postmaster|mail delivery|mail ?administrator|mailer daemon|mdaemon|\\bmta\\b|bounce|nobody@|"
                    + "delivery ?(?:status|notification|subsystem)|notification|daemon", Pattern.CASE_INSENSITIVE);
    static final Pattern BOUNCE_SUBJECT = Pattern.compile(
            "undeliver|undelivered|delivery (?:status|fail|notification|problem|report)|returned mail|failure notice"
                    + "|mail delivery|delivery has failed|could not be delivered|not delivered|non[- ]?delivery|nondeliverable"
                    + "|rejected|failed|failure|bounce|warning|delayed|mail system error|error|problem|returned"
                    + "|配信|送信エラー|エラー|不達|未送達|unzustellbar|non remis|nicht zugestellt|no entregado|non recapitabile",
            Pattern.CASE_INSENSITIVE);
    private static final int MAX_DIAG = 1000;
    // compiled once: String.replaceAll and matches compile their regex on every call
    private static final Pattern NUMERIC_DOMAIN = Pattern.compile(".*@\\d+(\\.\\d+)*");
    private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^[>\"':.,\\s]*");
    private static final Pattern WORD_CHAR = Pattern.compile("[^\\W_]");
    /** A notice that states its cause on a labelled line of its own. */
    private static final Pattern REASON_LINE = Pattern.compile("(?im)^\\s*reject(?:ion)? reason:\\s*(\\S.*)$");

    @Override
    public String name() {
        return "FreeForm";
    }

    @Override
    public boolean matches(Mail mail) {
        return looksLikeBounce(mail);
    }

    /** Sent by a mail system (mailer-daemon, postmaster, ...) or with a subject that says delivery failed. */
    public static boolean looksLikeBounce(Mail mail) {
        return BOUNCE_FROM.matcher(mail.from()).find() || BOUNCE_SUBJECT.matcher(mail.subject()).find();
    }

    @Override
    public List<Finding> decode(Mail mail) {
        String notice = mail.text().substring(0, Notice.returnedStart(mail.text()));
        List<String> rcpts = recipients(mail, notice);
        List<Finding> out = new ArrayList<>();
        for (String r : rcpts) {
            String diag = diagnosticFor(notice, r);
            String command = Notice.command(segmentFor(notice, r));
            out.add(Finding.builder().recipient(r).diagnostic(diag).command(command).build());
        }
        return out;
    }

    /** Addresses in the notice that are not the bounce's own sender, receiver or a system mailbox. */
    static List<String> recipients(Mail mail, String notice) {
        Set<String> exclude = new HashSet<>();
        for (String h : List.of("From", "To", "Reply-To", "Return-Path", "Sender")) {
            Notice.addresses(mail.headers().get(h)).forEach(a -> exclude.add(a.toLowerCase(Locale.ROOT)));
        }
        Notice.addresses(mail.returnedHeaders().get("From")).forEach(a -> exclude.add(a.toLowerCase(Locale.ROOT)));
        Notice.addresses(mail.returnedHeaders().get("Return-Path")).forEach(a -> exclude.add(a.toLowerCase(Locale.ROOT)));
        List<String> out = new ArrayList<>();
        // X-Failed-Recipients (Exim, Gmail and others) names them exactly
        for (String v : mail.headers().all("X-Failed-Recipients")) {
            for (String a : Notice.addresses(v)) {
                if (!out.contains(a)) {
                    out.add(a);
                }
            }
        }
        if (!out.isEmpty()) {
            return out;
        }
        for (String a : Notice.addresses(notice)) {
            String l = a.toLowerCase(Locale.ROOT);
            String local = l.substring(0, l.indexOf('@'));
            if (exclude.contains(l) || local.equals("postmaster") || local.equals("mailer-daemon")
                    || local.equals("abuse") || local.contains("noreply") || local.contains("no-reply")
                    || NUMERIC_DOMAIN.matcher(l).matches() || isMessageIdLike(notice, a)) {
                continue;
            }
            out.add(a);
        }
        if (out.isEmpty()) {
            // The notice named no one but the original's To names the recipient of a one-recipient bounce.
            List<String> to = Notice.addresses(mail.returnedHeaders().get("To"));
            if (to.size() == 1 && !exclude.contains(to.get(0).toLowerCase(Locale.ROOT))) {
                out.add(to.get(0));
            }
        }
        return out;
    }

    private static boolean isMessageIdLike(String text, String address) {
        int i = text.indexOf(address);
        if (i <= 0) {
            return false;
        }
        int lineStart = text.lastIndexOf('\n', i) + 1;
        String before = text.substring(lineStart, i).toLowerCase(Locale.ROOT);
        return before.contains("message-id") || before.contains("message id") || before.contains("queue id")
                || before.contains("contact") || before.contains("please") || before.contains("send mail to");
    }

    /** The notice from the first mention of {@code recipient} up to the next other address line, or the end. */
    public static String segmentFor(String notice, String recipient) {
        int i = notice.indexOf(recipient);
        if (i < 0) {
            return notice;
        }
        int lineStart = notice.lastIndexOf('\n', i) + 1;
        int end = notice.length();
        for (Notice.Span m = Notice.findAddress(notice, i + recipient.length()); m != null;
                m = Notice.findAddress(notice, m.end())) {
            if (!m.of(notice).equalsIgnoreCase(recipient) && startsRecipientLine(notice, m.start())) {
                end = notice.lastIndexOf('\n', m.start()) + 1;
                break;
            }
        }
        return notice.substring(lineStart, Math.max(lineStart, end));
    }

    /** An address at the start of its line (after indentation, {@code <} or a quote) heads a recipient block. */
    private static boolean startsRecipientLine(String text, int at) {
        // what strip() and an all-match over the rest said, without the copies: white space, marks, white space
        int i = text.lastIndexOf('\n', at) + 1;
        while (i < at && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        while (i < at && (text.charAt(i) == '<' || text.charAt(i) == '"' || text.charAt(i) == '\'')) {
            i++;
        }
        while (i < at && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i == at;
    }

    /** The server's reply for {@code recipient}: from the first line with a reply code to the end of its paragraph. */
    public static String diagnosticFor(String notice, String recipient) {
        if (notice.contains("--- Delivery report unavailable ---")) {
            return ""; // Postfix says it has no report: its boilerplate around that line explains nothing
        }
        String seg = segmentFor(notice, recipient);
        Matcher said = REASON_LINE.matcher(notice);
        // the regex opens with ^ and would be tried at every character; its literal decides first
        if (WordingPattern.indexOfLowered(notice, " reason:") >= 0 && said.find()) {
            return collapse(said.group(1)); // "reject reason: Mailbox full" above "target mail address: rcpt"
        }
        String d = replyParagraph(seg);
        if (d.isEmpty() && seg.length() != notice.length()) {
            d = replyParagraph(notice);
        }
        if (d.isEmpty()) {
            d = firstParagraphAfter(seg, recipient);
        }
        if (!WORD_CHAR.matcher(d).find()) {
            // the notice names the recipient after its explanation: read the text before it (its last 400 characters)
            int i = notice.indexOf(recipient);
            String before = i > 0 ? notice.substring(0, i) : "";
            d = collapse(before);
            if (d.length() > 400) {
                d = d.substring(d.length() - 400);
            }
        }
        return d.length() > MAX_DIAG ? d.substring(0, MAX_DIAG) : d;
    }

    private static String replyParagraph(String text) {
        ReplyLine m = new ReplyLine(text);
        int at = -1;
        while (m.find()) {
            if (at < 0) {
                at = m.start;
            }
            // a session transcript ("Out: 250 2.1.0 Ok ... Out: 451 4.3.0 Error") fails at its first 4xx/5xx reply
            if (m.digit != '2') {
                at = m.start;
                break;
            }
        }
        if (at < 0) {
            return "";
        }
        int start = text.lastIndexOf('\n', at) + 1;
        int end = text.indexOf("\n\n", at);
        return collapse(text.substring(start, end < 0 ? text.length() : end));
    }

    /**
     * Without a reply code: the text after the recipient (a few paragraphs), or, when the notice
     * names the recipient last, the paragraph before it.
     */
    private static String firstParagraphAfter(String seg, String recipient) {
        int i = seg.indexOf(recipient);
        String rest = i < 0 ? seg : seg.substring(i + recipient.length());
        rest = LEADING_PUNCTUATION.matcher(rest).replaceFirst("");
        String d = collapse(rest);
        if (d.length() > 400) {
            d = d.substring(0, 400);
        }
        return d;
    }

    /**
     * {@code s.replaceAll("\\s+", " ").strip()}: each run of white space one space, none at the ends. A loop, as
     * the regex ran at every character of every diagnostic; FreeFormCollapseTest compares the two.
     */
    static String collapse(String s) {
        int n = s.length();
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0; i < n; ) {
            if (!Notice.isRegexSpace(s.charAt(i))) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < n && Notice.isRegexSpace(s.charAt(j))) {
                j++;
            }
            if (j - i > 1 || s.charAt(i) != ' ') {
                if (out == null) {
                    out = new StringBuilder(n);
                }
                out.append(s, copied, i).append(' ');
                copied = j;
            }
            i = j;
        }
        return (out == null ? s : out.append(s, copied, n).toString()).strip();
    }
}
