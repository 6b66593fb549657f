package org.maildoctor.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link LiteralIndex} says exactly which rules' literals a text holds, as the contains loop does. */
class LiteralIndexTest {

    private static final List<List<String>> CLASSIFIER = literalsOf(ReasonClassifier.ruleSources());
    private static final LiteralIndex INDEX = new LiteralIndex(CLASSIFIER);

    private static List<List<String>> literalsOf(List<String> regexes) {
        List<List<String>> out = new ArrayList<>();
        for (String regex : regexes) {
            List<String> literals = Ascii.noUpperCaseLiteral(regex) ? Ascii.requiredLiterals(regex) : null;
            out.add(literals == null ? List.of() : literals);
        }
        return out;
    }

    @Property(tries = 3000)
    void possibleIsTheContainsLoop(@ForAll("texts") String text) {
        String lower = Ascii.lower(text);
        String expected = Long.toBinaryString(LiteralIndex.possiblePlain(CLASSIFIER, lower));
        // over the lowered text's bytes (known for Latin-1 text just lowered), and over a copy without them
        assertThat(Long.toBinaryString(INDEX.possible(lower))).as(lower).isEqualTo(expected);
        assertThat(Long.toBinaryString(INDEX.possible(new String(lower)))).as(lower).isEqualTo(expected);
    }

    /** ProviderTags' use: case-sensitive literals found exactly, the others in any case, no rule in both. */
    @Property(tries = 2000)
    void foldedIndexFindsLiteralsInAnyCase(@ForAll("texts") String text) {
        List<List<String>> exact = new ArrayList<>();
        List<List<String>> folded = new ArrayList<>();
        for (int i = 0; i < CLASSIFIER.size(); i++) {
            exact.add(i % 2 == 0 ? CLASSIFIER.get(i) : null);
            folded.add(i % 2 == 0 ? null : CLASSIFIER.get(i).stream().map(l -> l.toUpperCase(java.util.Locale.ROOT)).toList());
        }
        long expected = LiteralIndex.possiblePlain(exact, text)
                | LiteralIndex.possiblePlain(folded.stream().map(l -> l == null ? null : l.stream().map(Ascii::lower).toList()).toList(),
                        Ascii.lower(text));
        LiteralIndex exactIndex = new LiteralIndex(exact, false);
        LiteralIndex foldedIndex = new LiteralIndex(folded, true);
        long actual = exactIndex.possible(text) | foldedIndex.possible(text);
        assertThat(Long.toBinaryString(actual)).as(text).isEqualTo(Long.toBinaryString(expected));
        assertThat(Long.toBinaryString(exactIndex.possibleEither(foldedIndex, text))).as(text).isEqualTo(Long.toBinaryString(expected));
    }

    /** Long texts are walked as two halves at once: a literal anywhere, across the middle too, is found. */
    @Test
    void literalsAcrossTheMiddleOfLongTexts() {
        List<List<String>> rules = List.of(List.of("mailbox unavailable"), List.of("abc"), List.of("zz"));
        LiteralIndex index = new LiteralIndex(rules);
        for (int length = 30; length < 120; length += 7) {
            for (int at = 0; at + 19 <= length; at++) {
                String text = "x".repeat(at) + "mailbox unavailable" + "y".repeat(length - at - 19);
                assertThat(index.possible(text)).as(text).isEqualTo(1L);
            }
        }
    }

    @Property(tries = 2000)
    void possibleIsTheContainsLoopOnLongTexts(@ForAll("texts") String a, @ForAll("texts") String b, @ForAll("texts") String c) {
        String lower = Ascii.lower(a + " " + b + " " + c);
        assertThat(Long.toBinaryString(INDEX.possible(lower))).as(lower)
                .isEqualTo(Long.toBinaryString(LiteralIndex.possiblePlain(CLASSIFIER, lower)));
    }

    @Test
    void overlappingAndNestedLiterals() {
        List<List<String>> rules = List.of(List.of("she", "he"), List.of("hers"), List.of("his"), List.of(), List.of("x\u00e9"),
                List.of("e"));
        LiteralIndex index = new LiteralIndex(rules);
        for (String text : List.of("ushers", "hi", "h", "", "this is", "hhers", "she", "x\u00e9", "abc")) {
            long plain = LiteralIndex.possiblePlain(rules, text);
            // rule 4 holds a non-ASCII literal: always possible, which errs only towards "may match"
            assertThat(index.possible(text)).as(text).isEqualTo(plain | 1L << 4);
        }
    }

    @Provide
    Arbitrary<String> texts() {
        return WordingPatternTestTexts.texts(ReasonClassifier.ruleSources());
    }
}
