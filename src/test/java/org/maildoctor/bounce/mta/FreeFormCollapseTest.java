package org.maildoctor.bounce.mta;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link FreeForm#collapse} against the regex it replaced. */
class FreeFormCollapseTest {

    @Property(tries = 3000)
    void collapsesAsTheRegex(@ForAll("spacey") String s) {
        assertThat(FreeForm.collapse(s)).as(s).isEqualTo(s.replaceAll("\\s+", " ").strip());
    }

    /** Every \s char, Unicode white space that strip() removes and \s does not, and words. */
    @Provide
    Arbitrary<String> spacey() {
        return Arbitraries.of(" ", "  ", "\t", "\n", "\u000B", "\f", "\r", "\u2003", "\u001F", "\u00A0", "a", "bc", "5.1.1")
                .list().ofMaxSize(15).map(l -> String.join("", l));
    }
}
