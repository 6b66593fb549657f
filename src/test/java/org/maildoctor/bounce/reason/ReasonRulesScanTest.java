package org.maildoctor.bounce.reason;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.maildoctor.smtp.ReplyShapedText;
import org.maildoctor.smtp.WordingPattern;

/** The hand-written passes of {@link ReasonRules#withoutReplyCodes} do what its regexes did. */
class ReasonRulesScanTest {

    @Property(tries = 3000)
    void removeReplyCodesRemovesWhatTheRegexRemoves(@ForAll("texts") String text) {
        assertThat(ReasonRules.removeReplyCodes(text)).as(text).isEqualTo(ReasonRules.REPLY_CODES.matcher(text).replaceAll(""));
    }

    @Property(tries = 3000)
    void collapseSpacesCollapsesWhatTheRegexCollapses(@ForAll("texts") String text) {
        assertThat(ReasonRules.collapseSpaces(text)).as(text).isEqualTo(ReasonRules.SPACES.matcher(text).replaceAll(" "));
    }

    /** The whole method against the three regexes it ran before. */
    @Property(tries = 3000)
    void withoutReplyCodesIsTheThreeRegexes(@ForAll("texts") String text) {
        String t = ReasonRules.REPLY_CODES.matcher(text).replaceAll("");
        t = t.toLowerCase(Locale.ROOT).contains("http") ? ReasonRules.URL.matcher(t).replaceAll(" $1 ") : t;
        assertThat(ReasonRules.withoutReplyCodes(text)).as(text).isEqualTo(ReasonRules.SPACES.matcher(t).replaceAll(" "));
        assertThat(ReasonRules.containsHttp(t)).isEqualTo(t.toLowerCase(Locale.ROOT).contains("http"));
    }

    @Property(tries = 3000)
    void urlHostsOnlyReplacesWhatTheRegexReplaces(@ForAll("texts") String text) {
        assertThat(ReasonRules.urlHostsOnly(text, WordingPattern.lower(text))).as(text)
                .isEqualTo(ReasonRules.URL.matcher(text).replaceAll(" $1 "));
    }

    @Provide
    Arbitrary<String> texts() {
        return ReplyShapedText.text(14);
    }
}
