package org.maildoctor.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The classifier's fast path (pre-lowered text, literal prefilters) must decide exactly like the
 * plain case-insensitive rules. Texts are built from the rules' own words in random case, so most
 * of them hit some rule, and from noise, so many hit none.
 */
class ReasonClassifierFastPathTest {

    @Test
    void startLiteralsAreWhatEachAlternativeStartsWith() {
        assertThat(Ascii.startLiterals("relay(?:ing)? denied|\\bptr\\b|user ?unknown|over ?quota"))
                .containsExactly("relay", "ptr", "user", "over");
        assertThat(Ascii.startLiterals("starttls|(?:denied|rejected) by policy")).containsExactly("starttls", "denied", "rejected");
        assertThat(Ascii.startLiterals("starttls|(?:denied|rejected)? by policy")).isNull(); // optional group
        assertThat(Ascii.startLiterals("a[bc]d|x{0,2}y")).isNull(); // x may be absent
        assertThat(Ascii.startLiterals("a[bc|]d|xy+")).containsExactly("a", "xy");
    }

    @Test
    void startsThatBeginWithAnotherStartAreDropped() {
        assertThat(Ascii.withoutLongerStarts(List.of("mailbox ", "over", "mailbox size limit", "account ", "account ", "a")))
                .containsExactly("mailbox ", "over", "a");
        assertThat(Ascii.withoutLongerStarts(List.of("sender ", "bad sender", "sender verify failed", "sender ")))
                .containsExactly("sender ", "bad sender");
        assertThat(Ascii.withoutLongerStarts(null)).isNull();
    }

    @Test
    void onlyRegexesWithoutUpperCaseLettersAreLowered() {
        assertThat(Ascii.noUpperCaseLiteral("user ?unknown|\\bspf\\b")).isTrue();
        assertThat(Ascii.noUpperCaseLiteral("RESOLVER\\.ADR")).isFalse();
        assertThat(Ascii.noUpperCaseLiteral("a\\Wb")).isFalse();
        assertThat(Ascii.noUpperCaseLiteral("a\\p{Lu}")).isFalse();
        assertThat(Ascii.noUpperCaseLiteral("(?-i)abc")).isFalse();
        assertThat(Ascii.lower("550 5.1.1 User UNKNOWN Ä")).isEqualTo("550 5.1.1 user unknown Ä");
    }

    @Property(tries = 2000)
    void fastPathAgreesWithThePlainRules(@ForAll("replies") String text) {
        assertThat(ReasonClassifier.fromText(text)).isEqualTo(ReasonClassifier.fromTextUnoptimised(text));
    }

    /** The remembered last text answers only for the same text: texts repeated, in any order, with or without {@code lower}. */
    @Property(tries = 500)
    void rememberedReasonIsThatOfTheSameText(@ForAll("repeatedReplies") List<String> texts) {
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            Optional<Reason> expected = ReasonClassifier.fromTextUnoptimised(text);
            // a copy: equal content, another String, as the parser and the reason rules each build their own
            String copy = new String(text);
            Optional<Reason> actual = i % 2 == 0 ? ReasonClassifier.fromText(copy) : ReasonClassifier.fromText(copy, Ascii.lower(copy));
            assertThat(actual).as(text).isEqualTo(expected);
        }
    }

    @Provide
    Arbitrary<List<String>> repeatedReplies() {
        return replies().list().ofMinSize(1).ofMaxSize(3).flatMap(pool -> Arbitraries.of(pool).list().ofMaxSize(8));
    }

    @Provide
    Arbitrary<String> replies() {
        List<String> words = new ArrayList<>();
        for (String regex : ReasonClassifier.ruleSources()) {
            for (String w : regex.split("[^A-Za-z0-9' -]+")) {
                if (w.strip().length() > 2) {
                    words.add(w.strip());
                }
            }
        }
        Arbitrary<String> word = Arbitraries.oneOf(Arbitraries.of(words),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(8),
                Arbitraries.of("550", "5.1.1", "<jane@example.org>:", "İ", "ß", "\n", "  "));
        Arbitrary<Boolean> upper = Arbitraries.of(true, false);
        return Arbitraries.lazy(() -> word.flatMap(w -> upper.map(u -> u ? w.toUpperCase(Locale.ROOT) : w))
                .list().ofMinSize(1).ofMaxSize(12).map(l -> String.join(" ", l)));
    }
}
