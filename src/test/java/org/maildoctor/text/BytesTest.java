package org.maildoctor.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The eight-bytes-at-a-time searches find what a loop over every position finds, at every offset and length. */
class BytesTest {

    @Property(tries = 3000)
    void indexOfByteAsLoop(@ForAll("texts") String text, @ForAll @IntRange(max = 40) int from, @ForAll @IntRange(max = 40) int cut) {
        byte[] a = text.getBytes(StandardCharsets.ISO_8859_1);
        int to = Math.max(0, a.length - cut);
        for (byte x : new byte[] {'\n', '-', 'x', (byte) 0xE9, 0}) {
            assertThat(Bytes.indexOf(a, x, Math.min(from, to), to)).isEqualTo(reference(a, new byte[] {x}, Math.min(from, to), to));
        }
    }

    @Property(tries = 3000)
    void indexOfPatternAsLoop(@ForAll("texts") String text, @ForAll("patterns") String pattern,
            @ForAll @IntRange(max = 40) int from, @ForAll @IntRange(max = 40) int cut) {
        byte[] a = text.getBytes(StandardCharsets.ISO_8859_1);
        byte[] p = pattern.getBytes(StandardCharsets.ISO_8859_1);
        int to = Math.max(0, a.length - cut);
        int f = Math.min(from, to);
        assertThat(Bytes.indexOf(a, p, f, to)).as("%s in %s [%d, %d)", pattern, text, f, to).isEqualTo(reference(a, p, f, to));
    }

    @Property(tries = 3000)
    void indexOfEitherAsLoop(@ForAll("texts") String text, @ForAll @IntRange(max = 40) int from) {
        byte[] a = text.getBytes(StandardCharsets.ISO_8859_1);
        int f = Math.min(from, a.length);
        int lf = reference(a, new byte[] {'\n'}, f, a.length);
        int cr = reference(a, new byte[] {'\r'}, f, a.length);
        int either = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
        assertThat(Bytes.indexOfEither(a, (byte) '\n', (byte) '\r', f, a.length)).isEqualTo(either);
    }

    @Property(tries = 3000)
    void indexOfIgnoreCaseAsLoop(@ForAll("letters") String text, @ForAll("letters") String pattern,
            @ForAll @IntRange(max = 40) int from) {
        byte[] a = text.getBytes(StandardCharsets.ISO_8859_1);
        byte[] lower = pattern.getBytes(StandardCharsets.ISO_8859_1);
        Bytes.lowerAscii(lower);
        int f = Math.min(from, a.length);
        byte[] folded = a.clone();
        Bytes.lowerAscii(folded);
        assertThat(Bytes.indexOfIgnoreCase(a, lower, f, a.length)).as("%s in %s", pattern, text)
                .isEqualTo(reference(folded, lower, f, a.length));
    }

    @Property(tries = 2000)
    void lowerAsciiAsLoop(@ForAll("letters") String text) {
        byte[] a = text.getBytes(StandardCharsets.ISO_8859_1);
        byte[] want = a.clone();
        boolean changed = false;
        for (int i = 0; i < want.length; i++) {
            if (want[i] >= 'A' && want[i] <= 'Z') {
                want[i] += 'a' - 'A';
                changed = true;
            }
        }
        assertThat(Bytes.lowerAscii(a)).isEqualTo(changed);
        assertThat(a).isEqualTo(want);
    }

    /** The bytes around the A-Z and a-z ranges, and their Latin-1 twins (0xC0-0xDF: high bit set). */
    @Provide
    Arbitrary<String> letters() {
        return Arbitraries.strings().withChars('@', 'A', 'M', 'Z', '[', '`', 'a', 'z', '{', (char) 0xC1, (char) 0xDA,
                (char) 0xC0, (char) 0xFF, (char) 0x80, '?', '0', '=', (char) 0x1D).ofMaxLength(60);
    }

    @Property(tries = 2000)
    void isAsciiAsLoop(@ForAll("texts") String text, @ForAll @IntRange(max = 40) int from) {
        byte[] a = text.getBytes(StandardCharsets.ISO_8859_1);
        int f = Math.min(from, a.length);
        boolean ascii = true;
        for (int i = f; i < a.length; i++) {
            ascii &= a[i] >= 0;
        }
        assertThat(Bytes.isAscii(a, f, a.length)).isEqualTo(ascii);
    }

    private static int reference(byte[] a, byte[] p, int from, int to) {
        outer:
        for (int i = from; i + p.length <= to; i++) {
            for (int j = 0; j < p.length; j++) {
                if (a[i + j] != p[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return p.length == 0 && from <= to ? from : -1;
    }

    /** Few distinct bytes, so that partial matches and false SWAR candidates (0x80, 0x00, 0xFF) are common. */
    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars('-', '\n', '\r', 'x', 'b', (char) 0x80, (char) 0xE9, (char) 0, (char) 0xFF)
                .ofMaxLength(120);
    }

    @Provide
    Arbitrary<String> patterns() {
        return Arbitraries.strings().withChars('-', '\n', 'x', 'b', (char) 0x80, (char) 0xFF).ofMinLength(1).ofMaxLength(12);
    }
}
