package org.maildoctor.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Arbitrary bytes in, a report out: the parser and every rule never throw. Also the phrase-list counts. */
class ContentCheckerPropertyTest {
    @Property(tries = 300)
    void anyBytesGiveAReport(@ForAll @Size(max = 3000) byte[] raw) {
        ContentReport r = ContentChecker.standard().check(MessageContent.parse(raw), Set.of());
        assertThat(r.score()).isBetween(0.0, 10.0);
    }

    @Property(tries = 200)
    void anyHtmlGivesAReport(@ForAll @Size(max = 2000) String html) {
        ContentReport r = ContentChecker.standard().check(MessageContent.ofHtml("<html><body>" + html), Set.of());
        assertThat(r.score()).isBetween(0.0, 10.0);
    }

    @Test
    void phraseListsPerLanguageAsDocumented() {
        assertThat(PhraseList.builtIn().countsByLanguage()).isEqualTo(Map.of("en", 133, "de", 29, "fr", 27, "es", 27));
    }

    @Test
    void phrasesMatchWholeWordsCaseAndPunctuationInsensitively() {
        PhraseList p = PhraseList.builtIn();
        assertThat(p.find("RISK-FREE!!! Act now.").keySet()).extracting(PhraseList.Phrase::text)
                .containsExactlyInAnyOrder("risk free", "act now");
        assertThat(p.find("asterisk freedom")).isEmpty();
    }
}
