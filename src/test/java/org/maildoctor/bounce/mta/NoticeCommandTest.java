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
import org.maildoctor.smtp.WordingPattern;
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

    /**
     * Each start check lets through every position where its regex (run plainly on the lowered text) matches:
     * the guarded search, bounded or not, finds the plain regex's leftmost match; so does the transcript
     * line's search from the line of the first "&gt;&gt;&gt;".
     */
    @Property(tries = 5000)
    void startChecksPassEveryMatchOfTheirRegex(@ForAll("guardedTexts") String text, @ForAll("bounds") int before) {
        String lower = WordingPattern.lower(text);
        for (int i = 0; i < Notice.IN_REPLY_TO.size(); i++) {
            WordingPattern p = Notice.IN_REPLY_TO.get(i);
            Matcher plain = Pattern.compile(p.source(), Pattern.MULTILINE).matcher(lower);
            boolean found = plain.find();
            boolean transcript = i == 2;
            Matcher fast = transcript ? Notice.findTranscript(text, lower, Integer.MAX_VALUE)
                    : p.findFirst(text, lower, Integer.MAX_VALUE, Notice.START_CHECKS.get(i));
            Matcher bounded = transcript ? Notice.findTranscript(text, lower, before)
                    : p.findFirst(text, lower, before, Notice.START_CHECKS.get(i));
            if (!found) {
                assertThat(fast).as("%s on %s", p.source(), text).isNull();
                assertThat(bounded).as("%s on %s", p.source(), text).isNull();
                continue;
            }
            assertThat(fast).as("%s on %s", p.source(), text).isNotNull();
            assertThat(fast.start()).isEqualTo(plain.start());
            assertThat(fast.end()).isEqualTo(plain.end());
            assertThat(fast.group(1)).isEqualTo(plain.group(1));
            if (plain.start() < before) {
                assertThat(bounded).as("%s on %s before %d", p.source(), text, before).isNotNull();
                assertThat(bounded.start()).isEqualTo(plain.start());
                assertThat(bounded.group(1)).isEqualTo(plain.group(1));
            } else {
                assertThat(bounded).as("%s on %s before %d", p.source(), text, before).isNull();
            }
        }
    }

    @Test
    void startChecksRuleOutTheCommonNearMisses() {
        String ip = "[192.0.2.1] said: mail rejected";
        assertThat(Notice.mayStartCommandAfter(ip, 0, 1)).isFalse();
        assertThat(Notice.mayStartCommandAfter("[ rcpt_to]", 0, 1)).isTrue();
        assertThat(Notice.mayStartCommandAfter("after the end", 0, 5)).isTrue();
        assertThat(Notice.mayStartReplyTo("mailbox in use", 8, 10)).isFalse();
        assertThat(Notice.mayStartReplyTo("in\n  reply", 0, 2)).isTrue();
    }

    /** Texts dense in the start literals and what may or may not follow them. */
    @Provide
    Arbitrary<String> guardedTexts() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of("[", "after", "AFTER", "while sending", "in response to", "did not like our", "progress was",
                        "SMTP:", "smtp:", "in", "In", "reply", "REPLY", "to", "the", "final", "end of data", "end of",
                        "rcpt", "RCPT", "rcpt to", "rcpt_to", "mail from", "MAIL", "data", "helo", "ehlo", "starttls",
                        "auth", "authx", "command", ">>>", ">>", "\n>>> ", " \n \n>>>", "smtp error from remote mail server after",
                        "smtp error from remote server for", "192.0.2.1]", "mx.example.org", "ma", "th", "fin"),
                Arbitraries.of(" ", "  ", "\n", "\t", "\r\n", "\u000B", "\f", "", "", "", "_", "-", "x", "é", "İ"),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(3));
        return piece.list().ofMinSize(1).ofMaxSize(16).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<Integer> bounds() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 120), Arbitraries.just(Integer.MAX_VALUE));
    }

    @Provide
    Arbitrary<String> notices() {
        return WordingPatternTestTexts.texts(List.of(ONE_REGEX.pattern(),
                "in reply to RCPT TO command|in reply to end of DATA command|after initial connection|the final"));
    }
}
