package org.maildoctor.bounce.reason;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.maildoctor.smtp.WordingPattern;
import org.maildoctor.smtp.WordingPatternTestTexts;

/** The bounce wording rules, run lowered and prefiltered, find exactly what the plain regexes find. */
class BounceWordingFastPathTest {

    @Property(tries = 3000)
    void fastPathAgreesWithThePlainRule(@ForAll("rules") String regex, @ForAll("texts") String text) {
        boolean plain = Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(text).find();
        assertThat(WordingPattern.compile(regex).find(text, WordingPattern.lower(text))).as("%s on %s", regex, text)
                .isEqualTo(plain);
    }

    /** The rule lists as a whole: the first rule that matches, prefilters checked together. */
    @Property(tries = 3000)
    void listsAgreeWithThePlainRules(@ForAll("texts") String diagnostic, @ForAll("texts") String wording) {
        BounceWording.Wording w = BounceWording.Wording.of(wording, WordingPattern.lower(wording));
        assertThat(BounceWording.early(diagnostic, WordingPattern.lower(diagnostic), w)).isEqualTo(BounceWording.earlyPlain(diagnostic, wording));
        assertThat(BounceWording.late(w)).isEqualTo(BounceWording.latePlain(wording));
    }

    @Provide
    Arbitrary<String> rules() {
        return Arbitraries.of(BounceWording.ruleSources());
    }

    @Provide
    Arbitrary<String> texts() {
        return WordingPatternTestTexts.texts(BounceWording.ruleSources());
    }
}
