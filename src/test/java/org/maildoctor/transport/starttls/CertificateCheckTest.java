package org.maildoctor.transport.starttls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6125 §6.4.3: the wildcard is the whole left-most label and stands for exactly one label. */
class CertificateCheckTest {
    @ParameterizedTest
    @CsvSource({
        "mx.example.com, mx.example.com, true",
        "*.example.com, mx.example.com, true",
        "*.example.com, example.com, false",
        "*.example.com, a.mx.example.com, false",
        "mx.example.com, mx2.example.com, false",
    })
    void names(String pattern, String host, boolean expected) {
        assertThat(CertificateCheck.nameMatches(pattern, host)).isEqualTo(expected);
    }
}
