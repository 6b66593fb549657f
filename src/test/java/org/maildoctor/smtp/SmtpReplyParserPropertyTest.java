package org.maildoctor.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/** Any input gives a reply or a clean "not an SMTP reply"; never an exception (DESIGN.md, example 17). */
class SmtpReplyParserPropertyTest {

    @Property(tries = 2000)
    void arbitraryStringsNeverThrow(@ForAll @StringLength(max = 400) String input) {
        check(input);
    }

    @Property(tries = 2000)
    void replyShapedStringsNeverThrow(@ForAll("replyish") String input) {
        check(input);
    }

    @Provide
    Arbitrary<String> replyish() {
        Arbitrary<String> pieces = Arbitraries.of("550", "554", "421", "250", "-", " ", "5.1.1", "4.7.0", "5.7.606",
                "#", "'", "\"", ":", ";", "\n", "\r\n", "[TSS04]", "RESOLVER.ADR.RecipientNotFound", "gsmtp", "(", ")",
                "said:", "User unknown", "9", ".", "999", "5.", "x", "\u0000", "\u00e9", "smtp;", "<<<");
        return pieces.list().ofMaxSize(40).map(l -> String.join("", l));
    }

    private static void check(String input) {
        ReplyParseResult r = SmtpReplyParser.parse(input);
        assertThat(r).isNotNull();
        if (r instanceof ReplyParseResult.Parsed p) {
            SmtpReply reply = p.reply();
            assertThat(reply.replyCode().isPresent() || reply.status().isPresent() || !reply.text().isBlank()).isTrue();
            // Explaining a parsed reply is total too.
            Explanation x = Explainer.standard().explain(reply);
            assertThat(x.reason()).isNotNull();
            assertThat(x.meaning()).isNotBlank();
        } else {
            assertThat(((ReplyParseResult.NotAReply) r).reason()).isNotBlank();
        }
    }
}
