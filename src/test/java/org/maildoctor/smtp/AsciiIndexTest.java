package org.maildoctor.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link Ascii#indexOfLowerLiteral} (candidates from one anchor char) finds what {@code lower(s).indexOf} and the loop at every position find. */
class AsciiIndexTest {

    @Property(tries = 5000)
    void findsTheFirstOccurrenceInAnyAsciiCase(@ForAll("texts") String text, @ForAll("literals") String literal) {
        int expected = Ascii.lowerChars(text).indexOf(literal);
        assertThat(Ascii.indexOfLowerLiteral(text, literal)).as("%s in %s", literal, text).isEqualTo(expected);
        assertThat(Ascii.indexOfLowerLiteralEverywhere(text, literal)).as("%s in %s", literal, text).isEqualTo(expected);
    }

    @Test
    void examples() {
        assertThat(Ascii.indexOfLowerLiteral("X-Final-Recipient: rfc822; a@b", "final-recipient:")).isEqualTo(2);
        assertThat(Ascii.indexOfLowerLiteral("final-recipient", "final-recipient:")).isEqualTo(-1);
        assertThat(Ascii.indexOfLowerLiteral("a: b:c Failed:", "failed:")).isEqualTo(7);
        assertThat(Ascii.indexOfLowerLiteral("\u212Aey", "key")).isEqualTo(-1); // the Kelvin sign folds only in Unicode
        assertThat(Ascii.indexOfLowerLiteral("abc", "")).isZero();
    }

    /** The literals the callers look for, and shapes with no punctuation, only spaces or only letters. */
    @Provide
    Arbitrary<String> literals() {
        return Arbitraries.of("final-recipient:", " reason:", "(in reply to ", "failed:", "the message identifier is:",
                "could not be delivered to ", "a b", "ab", "a", ":", " ", "x-y", "ü:", "9a");
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of("final-recipient:", "FINAL-Recipient:", "final-recipient", "Final-", "-recipient:",
                        " reason:", "Reason:", "(In Reply To ", "(in reply", "failed", ":", "FAILED:", "a b", "A B", "ab",
                        "AB", "x-Y", "Ü:", "ü:", "9A", "the message identifier is:", "could not be delivered to "),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(4),
                Arbitraries.of("\u212A", "İ", "ß", "\n", "😀"));
        return piece.list().ofMaxSize(10).map(l -> String.join("", l));
    }
}
