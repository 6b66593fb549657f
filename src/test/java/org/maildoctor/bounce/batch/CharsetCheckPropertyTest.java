package org.maildoctor.bounce.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The search for "charset=" by its '=' finds what looking at every byte finds. */
class CharsetCheckPropertyTest {

    @Property(tries = 3000)
    void unknownAsByteByByte(@ForAll("charsetish") String text) {
        byte[] m = text.getBytes(StandardCharsets.ISO_8859_1);
        assertThat(CharsetCheck.unknown(m)).as(text).containsExactlyElementsOf(reference(m));
    }

    /** The scan as first written: every byte a possible start of the needle, resumed after the name. */
    private static Set<String> reference(byte[] m) {
        byte[] needle = "charset=".getBytes(StandardCharsets.US_ASCII);
        Set<String> out = new LinkedHashSet<>();
        int end = Math.min(m.length, 1024 * 1024) - needle.length;
        for (int i = 0; i <= end; i++) {
            boolean match = true;
            for (int k = 0; k < needle.length && match; k++) {
                match = Character.toLowerCase((char) (m[i + k] & 0xff)) == needle[k];
            }
            if (!match) {
                continue;
            }
            int s = i + needle.length;
            if (s < m.length && (m[s] == '"' || m[s] == '\'')) {
                s++;
            }
            int e = s;
            while (e < m.length && e - s < 40 && isNameByte(m[e])) {
                e++;
            }
            if (e > s) {
                String name = new String(m, s, e - s, StandardCharsets.US_ASCII);
                if (!CharsetCheck.supported(name)) {
                    out.add(name.toLowerCase(Locale.ROOT));
                }
            }
            i = e;
        }
        return out;
    }

    private static boolean isNameByte(byte b) {
        return Character.isLetterOrDigit(b) && b > 0 || "-_.:+".indexOf(b) >= 0;
    }

    @Provide
    Arbitrary<String> charsetish() {
        return Arbitraries.oneOf(
                Arbitraries.of("charset=", "CHARSET=", "ChArSeT=", "charset", "harset=", "set=", "t=", "=", "c", "C",
                        "charset=charset=", "\"", "'", "utf-8", "x-unknown", "X-Odd", "3d", "iso-8859-1", ";", " ",
                        "\r\n", "\u00e3", "\u00c3"),
                Arbitraries.strings().withChars("charsetCHARSET=x-'\"").ofMaxLength(10))
                .list().ofMaxSize(30).map(l -> String.join("", l));
    }
}
