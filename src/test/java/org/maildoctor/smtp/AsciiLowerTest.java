package org.maildoctor.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link Ascii#lower} over Latin-1 bytes, remembering the last text, gives what the char loop it replaced gives, for any text. */
class AsciiLowerTest {

    /** The char loop {@link Ascii#lower} was, verbatim. */
    private static String oldLower(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                char[] out = s.toCharArray();
                for (int j = i; j < out.length; j++) {
                    if (out[j] >= 'A' && out[j] <= 'Z') {
                        out[j] = (char) (out[j] + ('a' - 'A'));
                    }
                }
                return new String(out);
            }
        }
        return s;
    }

    @Property(tries = 5000)
    void lowersAsTheCharLoopDid(@ForAll("texts") String text) {
        String expected = oldLower(text);
        String actual = Ascii.lower(text);
        assertThat(actual).as(text).isEqualTo(expected);
        assertThat(actual == text).as("unchanged text is returned itself: " + text).isEqualTo(expected == text);
        assertThat(Ascii.lowerChars(text)).isEqualTo(expected);
    }

    /** The remembered last text answers only for equal text: texts repeated (as other Strings), in any order. */
    @Property(tries = 1000)
    void repeatedTextsAreLoweredAsTheCharLoopDid(@ForAll("repeatedTexts") java.util.List<String> texts) {
        for (String t : texts) {
            String text = new String(t);
            String expected = oldLower(text);
            String actual = Ascii.lower(text);
            assertThat(actual).as(text).isEqualTo(expected);
            assertThat(actual == text).as("unchanged text is returned itself: " + text).isEqualTo(expected == text);
        }
    }

    @Provide
    Arbitrary<java.util.List<String>> repeatedTexts() {
        return texts().list().ofMinSize(1).ofMaxSize(3).flatMap(pool -> Arbitraries.of(pool).list().ofMaxSize(8));
    }

    @Test
    void examples() {
        assertThat(Ascii.lower("Mailbox FULL ÀÉ ß?")).isEqualTo("mailbox full ÀÉ ß?");
        assertThat(Ascii.lower("User İ KELVIN \u212A")).isEqualTo("user İ kelvin \u212A");
        assertThat(Ascii.lower("A\uD83D\uDE00B?")).isEqualTo("a\uD83D\uDE00b?");
        assertThat(Ascii.lower("A\uD83D?")).isEqualTo("a\uD83D?");
        String same = "no upper case ÿ ?";
        assertThat(Ascii.lower(same)).isSameAs(same);
        assertThat(Ascii.lower("")).isEmpty();
    }

    /** ASCII letters, '?', the Latin-1 letters Java's own lowering would change, and chars beyond Latin-1 (surrogates too). */
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<Character> chars = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.chars().range('A', 'Z')),
                net.jqwik.api.Tuple.of(6, Arbitraries.chars().range('a', 'z')),
                net.jqwik.api.Tuple.of(4, Arbitraries.of('?', ' ', '@', '[', '`', '{', '\n', '\u0000', '\u007F')),
                net.jqwik.api.Tuple.of(3, Arbitraries.chars().range('\u0080', '\u00FF')),
                net.jqwik.api.Tuple.of(2, Arbitraries.of('\u0100', '\u0130', '\u212A', '\u0178', '\u2028', '\uFF1F', '\uFFFF')),
                net.jqwik.api.Tuple.of(2, Arbitraries.of('\uD83D', '\uDE00', '\uDBFF', '\uDC00')));
        return chars.list().ofMaxSize(30).map(l -> {
            StringBuilder b = new StringBuilder();
            l.forEach(b::append);
            return b.toString();
        });
    }
}
