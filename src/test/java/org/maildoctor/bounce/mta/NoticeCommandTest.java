package org.maildoctor.bounce.mta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.maildoctor.smtp.WordingPatternTestTexts;

/** {@link Notice#command} (its alternatives run apart, lowered and prefiltered) against the one regex it replaced. */
class NoticeCommandTest {

    private static final Pattern ONE_REGEX = Pattern.compile(
            "in\\s+reply\\s+to\\s+(?:the\\s+)?(?:end\\s+of\\s+)?([A-Za-z]+)(?:\\s+[A-Za-z]+)?\\s+command"
                    + "|(?:after|while sending|in response to|did not like our|progress was|SMTP:|\\[)\\s*(?:the\\s+)?(?:final\\s+)?"
                    + "(RCPT[ _]TO|MAIL[ _]FROM|RCPT|MAIL|DATA|HELO|EHLO|STARTTLS|AUTH|end of data)\\b"
                    + "|^\\s*>>>\\s*(RCPT|MAIL|DATA|HELO|EHLO|QUIT|STARTTLS)\\b"
                    + "|SMTP error from remote (?:mail server|mailer) after (?:end of )?([A-Za-z]+)"
                    + "|SMTP error from remote server for ([A-Za-z]+) command",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

    /** The matched group as the old code read it, upper-cased (the mapping after it is unchanged). */
    private static String reference(String text) {
        Matcher m = ONE_REGEX.matcher(text);
        if (!m.find()) {
            return "";
        }
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                String c = m.group(g).toUpperCase(Locale.ROOT);
                if (c.startsWith("RCPT")) {
                    return "RCPT";
                }
                if (c.startsWith("MAIL")) {
                    return "MAIL";
                }
                if (c.startsWith("END") || c.equals("DATA") || c.equals("TEXT")) {
                    return "DATA";
                }
                if (c.equals("INITIAL") || c.equals("CONNECT")) {
                    return "CONN";
                }
                return c;
            }
        }
        return "";
    }

    @Test
    void namesTheRefusedCommand() {
        assertThat(Notice.command("host mx.example.org said: 550 5.1.1 unknown (in reply to RCPT TO command)")).isEqualTo("RCPT");
        assertThat(Notice.command("SMTP error from remote mail server after end of data: 554 spam")).isEqualTo("DATA");
        assertThat(Notice.command("    >>> MAIL From:<a@example.org>\n<<< 550 no")).isEqualTo("MAIL");
        // leftmost wins across alternatives: "after MAIL" comes before "in reply to RCPT TO command"
        assertThat(Notice.command("after MAIL FROM refused; in reply to RCPT TO command")).isEqualTo("MAIL");
        assertThat(Notice.command("nothing about commands")).isEmpty();
    }

    @Property(tries = 3000)
    void agreesWithTheSingleRegex(@ForAll("notices") String text) {
        assertThat(Notice.command(text)).as(text).isEqualTo(reference(text));
    }

    @Provide
    Arbitrary<String> notices() {
        return WordingPatternTestTexts.texts(List.of(ONE_REGEX.pattern(),
                "in reply to RCPT TO command|in reply to end of DATA command|after initial connection|the final"));
    }
}
