package org.maildoctor.auth.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The official PSL test vectors ({@code corpora/dmarc/test_psl.txt}, CC0): every one must pass. */
class PublicSuffixListTest {
    private static final Pattern CHECK = Pattern.compile("^checkPublicSuffix\\((null|'[^']*'), (null|'[^']*')\\);");

    record Vector(String input, String expected) {
        @Override
        public String toString() {
            return input + " -> " + expected;
        }
    }

    static List<Vector> vectors() throws IOException {
        try (InputStream in = PublicSuffixListTest.class.getResourceAsStream("/corpora/dmarc/test_psl.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(CHECK::matcher)
                    .filter(Matcher::find)
                    .map(m -> new Vector(unquote(m.group(1)), unquote(m.group(2)))).toList();
        }
    }

    private static String unquote(String s) {
        return s.equals("null") ? null : s.substring(1, s.length() - 1);
    }

    static Stream<Vector> allVectors() throws IOException {
        return vectors().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allVectors")
    void officialVector(Vector v) {
        Optional<String> expected = Optional.ofNullable(v.expected())
                .map(e -> IDN.toASCII(e, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT)); // compared as A-labels
        assertThat(PublicSuffixList.shipped().registrableDomain(v.input())).isEqualTo(expected);
    }

    @Test
    void allSeventyEightVectorsAreRun() throws IOException {
        assertThat(vectors()).hasSize(78);
    }

    @Test
    void theShippedListIsTheFullSnapshot() {
        assertThat(PublicSuffixList.shipped().size()).isGreaterThan(10_000);
    }

    @Test
    void implicitStarRuleAndExceptions() {
        PublicSuffixList psl = PublicSuffixList.parse(List.of("// comment", "com", "*.ck", "!www.ck", "co.uk", "uk"));
        assertThat(psl.publicSuffix("a.b.example")).contains("example");
        assertThat(psl.registrableDomain("a.b.example")).contains("b.example");
        assertThat(psl.registrableDomain("a.b.test.ck")).contains("b.test.ck");
        assertThat(psl.registrableDomain("www.www.ck")).contains("www.ck");
        assertThat(psl.registrableDomain("mail.example.co.uk")).contains("example.co.uk");
        assertThat(psl.registrableDomain("co.uk")).isEmpty();
        assertThat(psl.registrableDomain("good.test.")).contains("good.test");
    }
}
