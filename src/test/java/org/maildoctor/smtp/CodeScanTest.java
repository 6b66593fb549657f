package org.maildoctor.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Each {@link CodeScan} scanner finds exactly what the regex it replaced finds. */
class CodeScanTest {

    /** BounceParser's STATUS_IN_TEXT, replaced by {@link CodeScan#standaloneStatus}. */
    private static final Pattern STANDALONE = Pattern.compile("(?<![\\d.])([245]\\.\\d{1,3}\\.\\d{1,3})(?![\\d.]*\\d)");
    /** BounceParser's CODE_AFTER_REPLY, replaced by {@link CodeScan#statusAfterReplyCode}. */
    private static final Pattern AFTER_REPLY = Pattern.compile(
            "(?<!\\d)[245]\\d\\d[ -]['\"]?([245]\\.\\d{1,3}\\.\\d{1,3})(?![\\d.]*\\d)");

    @Property(tries = 3000)
    void standaloneStatusFindsWhatTheRegexFinds(@ForAll("texts") String text) {
        List<String> expected = new ArrayList<>();
        Matcher m = STANDALONE.matcher(text);
        while (m.find()) {
            expected.add(m.start(1) + ":" + m.group(1));
        }
        List<String> actual = new ArrayList<>();
        for (int at = CodeScan.standaloneStatus(text, 0); at >= 0; ) {
            int end = CodeScan.statusEnd(text, at);
            actual.add(at + ":" + text.substring(at, end));
            assertThat(CodeScan.status(text, at, end)).isEqualTo(EnhancedStatus.parse(text.substring(at, end)).orElseThrow());
            at = CodeScan.standaloneStatus(text, end);
        }
        assertThat(actual).as(text).isEqualTo(expected);
    }

    @Property(tries = 3000)
    void statusAfterReplyCodeFindsWhatTheRegexFinds(@ForAll("texts") String text) {
        Matcher m = AFTER_REPLY.matcher(text);
        int at = CodeScan.statusAfterReplyCode(text, 0);
        if (!m.find()) {
            assertThat(at).as(text).isEqualTo(-1);
            return;
        }
        assertThat(at).as(text).isEqualTo(m.start(1));
        assertThat(text.substring(at, CodeScan.statusEnd(text, at))).isEqualTo(m.group(1));
        assertThat(CodeScan.replyCodeBefore(text, at)).isEqualTo(m.start());
    }

    @Property(tries = 3000)
    void parseAcceptsWhatTheSyntaxRegexAccepts(@ForAll("statuses") String text) {
        Matcher m = EnhancedStatus.SYNTAX.matcher(text.strip());
        Optional<EnhancedStatus> expected = m.matches()
                ? Optional.of(new EnhancedStatus(ReplyClass.of(m.group(1).charAt(0) - '0'), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))))
                : Optional.empty();
        assertThat(EnhancedStatus.parse(text)).as(text).isEqualTo(expected);
    }

    @Test
    void examples() {
        assertThat(CodeScan.standaloneStatus("Status: 5.1.1 (user unknown)", 0)).isEqualTo(8);
        assertThat(CodeScan.standaloneStatus("version 1.5.1.1 and 10.4.4.7", 0)).isEqualTo(-1);
        assertThat(CodeScan.standaloneStatus("5.1.1.", 0)).isZero();
        assertThat(CodeScan.standaloneStatus("5.1.1.2", 0)).isEqualTo(-1);
        assertThat(CodeScan.statusAfterReplyCode("5.1.0 - Unknown address error 550-'5.7.1 Access denied'", 0)).isEqualTo(35);
        assertThat(CodeScan.replyCodeBefore("550-'5.7.1 Access denied'", 5)).isZero();
        assertThat(EnhancedStatus.parse(" 5.7.606 ")).contains(new EnhancedStatus(ReplyClass.PERMANENT_FAILURE, 7, 606));
        assertThat(EnhancedStatus.parse("5.7.6066")).isEmpty();
    }

    @Provide
    Arbitrary<String> texts() {
        return ReplyShapedText.text(12);
    }

    @Provide
    Arbitrary<String> statuses() {
        return ReplyShapedText.text(4);
    }
}
