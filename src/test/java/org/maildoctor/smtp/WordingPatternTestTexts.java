package org.maildoctor.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Test texts for comparing {@link WordingPattern} with plain regexes. */
public final class WordingPatternTestTexts {
    private WordingPatternTestTexts() {
    }

    /** Texts built from the regexes' own words in random case, plus noise, so that many match and many do not. */
    public static Arbitrary<String> texts(List<String> regexes) {
        List<String> words = new ArrayList<>();
        for (String regex : regexes) {
            for (String w : regex.split("[^A-Za-z0-9'|>\\[:_ -]+")) {
                if (w.strip().length() > 1) {
                    words.add(w.strip());
                }
            }
        }
        Arbitrary<String> word = Arbitraries.oneOf(Arbitraries.of(words),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(8),
                Arbitraries.of("550", "5.1.1", "<jane@example.org>:", "İ", "ß", "K", "\n", "  ", "|/usr/bin/x", ">>> "));
        Arbitrary<Boolean> upper = Arbitraries.of(true, false);
        return Arbitraries.lazy(() -> word.flatMap(w -> upper.map(u -> u ? w.toUpperCase(Locale.ROOT) : w))
                .list().ofMinSize(1).ofMaxSize(12).map(l -> String.join(" ", l)));
    }
}
