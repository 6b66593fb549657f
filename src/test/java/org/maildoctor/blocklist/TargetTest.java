package org.maildoctor.blocklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetTest {

    @ParameterizedTest
    @CsvSource({
        "192.0.2.99, 99.2.0.192",
        "2001:db8::99, 9.9.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2",
        "::ffff:192.0.2.1, 1.2.0.192",
        "Example.COM., example.com",
        "bücher.example, xn--bcher-kva.example",
    })
    void queryKeysFollowRfc5782(String input, String key) {
        assertThat(Target.parse(input).key()).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"999.1.1.1", "1.2.3", "", "  ", "a b.example", "com", "exa_mple.com", "-bad.example", "1.2.3.4.5"})
    void badInputIsAClearError(String input) {
        assertThatThrownBy(() -> Target.parse(input)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("Exception");
    }

    @ParameterizedTest
    @CsvSource({
        "127.0.0.2, 192.0.2.1, 2.0.0.127",
        "127.0.0.2, 2001:db8::1, 2.0.0.0.0.0.f.7.f.f.f.f.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0",
        "test, example.com, test",
        "dbltest.com, example.com, dbltest.com",
    })
    void probeKeysFollowRfc5782Section5(String point, String target, String key) {
        assertThat(Target.probeKey(point, Target.parse(target))).isEqualTo(key);
    }

    @org.junit.jupiter.api.Test
    void queryNameAppendsTheZone() {
        Blocklist zen = Catalogue.shipped().byId("spamhaus-zen").orElseThrow();
        assertThat(Target.parse("192.0.2.99").queryName(zen)).isEqualTo("99.2.0.192.zen.spamhaus.org");
    }
}
