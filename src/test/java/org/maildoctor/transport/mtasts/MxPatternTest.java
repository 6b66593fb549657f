package org.maildoctor.transport.mtasts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 8461 §4.1: "*.example.com" matches exactly one extra left-most label. */
class MxPatternTest {
    @ParameterizedTest
    @CsvSource({
        "mail.example.com, mail.example.com, true",
        "mail.example.com, Mail.Example.COM., true",
        "mail.example.com, mail2.example.com, false",
        "*.example.com, mx.example.com, true",
        "*.example.com, example.com, false",
        "*.example.com, a.b.example.com, false",
        "*.example.com, mx.example.org, false",
        "*.example.com, xexample.com, false",
    })
    void matching(String pattern, String host, boolean expected) {
        assertThat(new MxPattern(pattern).matches(host)).isEqualTo(expected);
    }
}
