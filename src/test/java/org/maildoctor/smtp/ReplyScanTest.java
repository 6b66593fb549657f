package org.maildoctor.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Each {@link ReplyScan} scanner finds what the regex it replaced finds, with the same groups. */
class ReplyScanTest {

    @Property(tries = 4000)
    void replyLine(@ForAll("lines") String line) {
        Matcher m = ReplyScan.REPLY_LINE.matcher(line);
        int k = ReplyScan.replyLine(line);
        if (!m.find()) {
            assertThat(k).as(line).isEqualTo(-1);
            return;
        }
        assertThat(k).as(line).isEqualTo(m.start(1));
        assertThat(ReplyScan.separator(line, k + 3, ReplyScan.afterSeparator(line, k + 3))).as(line).isEqualTo(m.group(2));
        assertThat(ReplyScan.afterSeparator(line, k + 3)).as(line).isEqualTo(m.start(3));
        assertThat(ReplyScan.rest(line, m.start(3))).as(line).isEqualTo(m.group(3));
    }

    @Property(tries = 4000)
    void statusLine(@ForAll("lines") String line) {
        Matcher m = ReplyScan.STATUS_LINE.matcher(line);
        int k = ReplyScan.statusLine(line);
        if (!m.find()) {
            assertThat(k).as(line).isEqualTo(-1);
            return;
        }
        assertThat(k).as(line).isEqualTo(m.start(1));
        assertThat(CodeScan.statusEnd(line, k)).as(line).isEqualTo(m.end(1));
        assertThat(ReplyScan.rest(line, m.end(1))).as(line).isEqualTo(m.group(2));
    }

    @Property(tries = 4000)
    void leadingStatus(@ForAll("lines") String line) {
        Matcher m = ReplyScan.LEADING_STATUS.matcher(line);
        int k = ReplyScan.leadingStatus(line);
        if (!m.find()) {
            assertThat(k).as(line).isEqualTo(-1);
            return;
        }
        assertThat(k).as(line).isEqualTo(m.start(1));
        assertThat(ReplyScan.leadingStatusEnd(line, k)).as(line).isEqualTo(m.end());
    }

    @Property(tries = 4000)
    void continuation(@ForAll("lines") String line, @ForAll("codes") String code) {
        Matcher m = Pattern.compile("^\\s*" + code + "([ -]|$)(.*)$").matcher(line);
        int rest = ReplyScan.continuation(line, code);
        if (!m.find()) {
            assertThat(rest).as(line).isEqualTo(-1);
            return;
        }
        assertThat(rest).as(line).isEqualTo(m.start(2));
        assertThat(ReplyScan.separator(line, ReplyScan.continuationCodeEnd(line, code), rest)).as(line).isEqualTo(m.group(1));
        assertThat(ReplyScan.rest(line, rest)).as(line).isEqualTo(m.group(2));
    }

    @Property(tries = 4000)
    void statusInText(@ForAll("lines") String text) {
        List<String> expected = new ArrayList<>();
        Matcher m = ReplyScan.STATUS_IN_TEXT.matcher(text);
        while (m.find()) {
            expected.add(m.start(1) + ":" + m.group(1));
        }
        List<String> actual = new ArrayList<>();
        for (int at = ReplyScan.statusInText(text, 0); at >= 0; ) {
            int end = CodeScan.statusEnd(text, at);
            actual.add(at + ":" + text.substring(at, end));
            at = ReplyScan.statusInText(text, end);
        }
        assertThat(actual).as(text).isEqualTo(expected);
    }

    /** The unfold regex that SmtpReplyParser built per reply, with and without a status. */
    @Property(tries = 4000)
    void unfold(@ForAll("lines") String line, @ForAll("codes") String code, @ForAll("statuses") String status) {
        boolean any = status.isEmpty();
        String regex = "\\s" + code + "(?:-(?:\\s*" + (any ? "[245]\\.\\d{1,3}\\.\\d{1,3}" : Pattern.quote(status))
                + ")?|\\s" + (any ? "(?!)" : Pattern.quote(status)) + ")(?=\\s|$)";
        assertThat(ReplyScan.unfold(line, code, any ? null : status)).as(line)
                .isEqualTo(Pattern.compile(regex).matcher(line).replaceAll(""));
    }

    @Property(tries = 2000)
    void linesAreTheStreamOfCleanedLines(@ForAll("lines") String text) {
        List<String> expected = text.lines().map(l -> {
            StringBuilder sb = new StringBuilder();
            l.codePoints().forEach(cp -> sb.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
            return sb.toString().stripTrailing();
        }).toList();
        assertThat(SmtpReplyParser.lines(text)).as(text).isEqualTo(expected);
    }

    @Property(tries = 2000)
    void inReplyToFoundInAnyCase(@ForAll("lines") String line, @ForAll("cases") String phrase) {
        String text = line + phrase + line;
        assertThat(Ascii.containsLowerLiteral(text, "(in reply to ")).as(text).isEqualTo(Ascii.lower(text).contains("(in reply to "));
    }

    @Provide
    Arbitrary<String> cases() {
        return Arbitraries.of("", "(in reply to ", "(IN REPLY TO ", "(In Reply to", "(ın reply to ", "(in reply  to ", "in reply to ");
    }

    @Provide
    Arbitrary<String> lines() {
        return Arbitraries.oneOf(ReplyShapedText.text(12),
                ReplyShapedText.text(3).map(s -> s + "550-5.7.1 The user 550 5.7.1 x"),
                Arbitraries.of("\uD83D\uDE00", "\uD800", "\u0007", "\u009F").list().ofMaxSize(2).map(l -> String.join("", l))
                        .flatMap(x -> ReplyShapedText.text(6).map(s -> s + x)));
    }

    @Provide
    Arbitrary<String> codes() {
        return Arbitraries.of("550", "421", "250");
    }

    @Provide
    Arbitrary<String> statuses() {
        return Arbitraries.of("", "5.7.1", "5.1.1", "4.7.0", "5.7.606");
    }
}
