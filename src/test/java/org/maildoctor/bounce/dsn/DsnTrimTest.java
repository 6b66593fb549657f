package org.maildoctor.bounce.dsn;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link DsnParser#trimAngles} against the {@code replaceAll} it replaces. */
class DsnTrimTest {

    @Property(tries = 3000)
    void sameAsTheRegex(@ForAll("angled") String v) {
        assertThat(DsnParser.trimAngles(v)).as(v).isEqualTo(v.replaceAll("^<+|>+$", ""));
    }

    @Provide
    Arbitrary<String> angled() {
        return Arbitraries.of("<", ">", "a", "@", "b.c", " ", "\u0085", "\n", "\r", "\u2028", "<<", ">>")
                .list().ofMaxSize(12).map(l -> String.join("", l));
    }
}
