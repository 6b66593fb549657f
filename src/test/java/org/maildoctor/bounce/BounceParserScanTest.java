package org.maildoctor.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.maildoctor.smtp.ReplyShapedText;

/** {@link BounceParser#echoesRecipient}'s scan against the regex it replaced. */
class BounceParserScanTest {

    @Property(tries = 3000)
    void echoesRecipientAsTheRegexDid(@ForAll("texts") String diagnostic, @ForAll("recipients") String recipient) {
        boolean expected = !recipient.isEmpty()
                && diagnostic.replaceFirst("^\\s*[245]\\d\\d[ -:]*(?:[245]\\.\\d{1,3}\\.\\d{1,3}\\s*)?", "")
                        .regionMatches(true, 0, "<" + recipient + ">:", 0, recipient.length() + 3);
        assertThat(BounceParser.echoesRecipient(diagnostic, recipient)).as(diagnostic).isEqualTo(expected);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(ReplyShapedText.text(10),
                ReplyShapedText.text(4).map(s -> s + "<jane@example.org>: user unknown"));
    }

    @Provide
    Arbitrary<String> recipients() {
        return Arbitraries.of("jane@example.org", "", "JANE@EXAMPLE.ORG", "j");
    }
}
