package org.maildoctor.bounce.mta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link Notice#findAddress} (tried only where a match can start) against plain {@code find} of the same regex. */
class NoticeAddressTest {

    private static List<int[]> plain(String text, int from) {
        List<int[]> out = new ArrayList<>();
        Matcher m = Notice.ADDRESS.matcher(text);
        while (from <= text.length() && m.find(from)) {
            out.add(new int[] {m.start(), m.end()});
            from = m.end();
        }
        return out;
    }

    private static List<int[]> fast(String text, int from) {
        List<int[]> out = new ArrayList<>();
        for (Notice.Span m = Notice.findAddress(text, from); m != null; m = Notice.findAddress(text, m.end())) {
            out.add(new int[] {m.start(), m.end()});
        }
        return out;
    }

    @Property(tries = 3000)
    void sameMatchesAsPlainFind(@ForAll("texts") String text, @ForAll("starts") int start) {
        int from = Math.min(start, text.length());
        assertThat(fast(text, from)).as(text).usingRecursiveFieldByFieldElementComparator()
                .containsExactlyElementsOf(plain(text, from));
    }

    @Test
    void longLocalPartsAndBrokenDomains() {
        String longLocal = "x".repeat(70) + "@example.org and a@b and c@d.e.f";
        assertThat(fast(longLocal, 0)).usingRecursiveFieldByFieldElementComparator()
                .containsExactlyElementsOf(plain(longLocal, 0));
        assertThat(fast(longLocal, 0)).hasSize(2);
        String pair = "caf\uD83D\uDE00x@example.org \uD800y@example.org";
        assertThat(fast(pair, 0)).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(plain(pair, 0));
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> token = Arbitraries.oneOf(
                Arbitraries.of("@", ".", " ", "\n", "<", ">", "-", "é", "\uD83D\uDE00", "\uD800", "user", "example", "com",
                        "org", "a.b", "@@", "..", "\"", "+tag", "x".repeat(40), "a.b.c.d.e.f.g.h.i.j.k", "-"),
                Arbitraries.strings().withChars("ab.@- é").ofMaxLength(6));
        return token.list().ofMaxSize(40).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<Integer> starts() {
        return Arbitraries.integers().between(0, 30);
    }
}
