package org.maildoctor.bounce.mta;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maildoctor.bounce.mime.Mail;
import org.maildoctor.smtp.Reason;

/**
 * fml, the Japanese mailing-list manager (https://www.fml.org): its "-admin" address answers a post
 * it refused. Each line naming an address in angle brackets starts one result ("You are not a member
 * of this mailing list &lt;list@example.org&gt;."); the wording (or the subject) says why. fml detects mail
 * loops by duplicated Message-IDs, so those notices are system errors, as its subject "Loop Alert" says.
 */
public final class Fml implements MtaDialect {

    private static final Pattern ADDRESS = Pattern.compile("<([^<>\\s]+@[^<>\\s]+)>");
    private static final String RETURNED = "Original mail as follows:";

    private static final List<Rule> BODY = List.of(
            new Rule(Reason.REJECTED, List.of(" header may cause mail loop", "not member article from ", "reject mail from ",
                    "reject spammers:", "you are not a member of this mailing list")),
            new Rule(Reason.SECURITYERROR, List.of("security alert:")),
            new Rule(Reason.SYSTEMERROR, List.of("duplicated message-id", " has detected a loop condition so that",
                    "loop back warning:")));
    private static final List<Rule> SUBJECT = List.of(
            new Rule(Reason.REJECTED, List.of(" are not member", "not member article from ", "reject mail ",
                    "spam mail from a spammer is rejected")),
            new Rule(Reason.SYSTEMERROR, List.of("fml system error message", "loop alert: ", "loop back warning: ",
                    "warning: unix from loop")),
            new Rule(Reason.SECURITYERROR, List.of("security alert")));

    private record Rule(Reason reason, List<String> phrases) {
    }

    @Override
    public String name() {
        return "FML";
    }

    @Override
    public boolean matches(Mail mail) {
        return !mail.headers().get("X-MLServer").isEmpty() && mail.from().contains("-admin@")
                && mail.headers().get("Message-ID").contains(".FML");
    }

    @Override
    public List<Finding> decode(Mail mail) {
        String text = mail.text();
        int end = text.indexOf(RETURNED);
        String notice = end >= 0 ? text.substring(0, end) : text;
        List<Finding.Builder> found = new ArrayList<>();
        for (String line : notice.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher m = ADDRESS.matcher(line);
            if (m.find()) {
                found.add(Finding.builder().recipient(m.group(1)).diagnostic(line.strip()));
            } else if (!found.isEmpty()) {
                Finding.Builder b = found.get(found.size() - 1);
                b.diagnostic(b.diagnostic() + " " + line.strip());
            }
        }
        String subject = mail.subject().toLowerCase(Locale.ROOT);
        List<Finding> out = new ArrayList<>();
        for (Finding.Builder b : found) {
            String diag = b.diagnostic().toLowerCase(Locale.ROOT);
            Reason r = first(BODY, diag);
            out.add(b.reasonHint(r != null ? r : first(SUBJECT, subject)).build());
        }
        return out;
    }

    private static Reason first(List<Rule> rules, String text) {
        for (Rule r : rules) {
            if (r.phrases().stream().anyMatch(text::contains)) {
                return r.reason();
            }
        }
        return null;
    }
}
