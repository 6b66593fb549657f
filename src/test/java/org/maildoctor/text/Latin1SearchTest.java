package org.maildoctor.text;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link Latin1Search#contains} answers as String.contains, for Latin-1 text and for text with chars beyond it. */
class Latin1SearchTest {

    @Property(tries = 3000)
    void containsAsString(@ForAll("texts") String text, @ForAll("texts") String literal) {
        assertThat(Latin1Search.contains(text, literal)).as("%s in %s", literal, text).isEqualTo(text.contains(literal));
        // asked again about the same text (its bytes remembered), and about a copy (bytes made anew)
        assertThat(Latin1Search.contains(text, literal)).isEqualTo(text.contains(literal));
        assertThat(Latin1Search.contains(new String(text), literal)).isEqualTo(text.contains(literal));
    }

    /** The exact image is the text byte for byte when every char is Latin-1, and there is none otherwise. */
    @Property(tries = 2000)
    void exactOnlyForLatin1Text(@ForAll("texts") String text) {
        byte[] b = Latin1Search.exact(text);
        if (text.chars().allMatch(c -> c <= 0xFF)) {
            assertThat(b).isEqualTo(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        } else {
            assertThat(b).isNull();
        }
    }

    /** Few chars, so that literals often occur: '?', Latin-1 beyond ASCII, a BMP char and a surrogate pair. */
    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of("a", "b", "?", "\u00e9", "\u20ac", "\uD83D\uDE00", "\uD83D", " ", "ab").list().ofMaxSize(12)
                .map(l -> String.join("", l));
    }
}
