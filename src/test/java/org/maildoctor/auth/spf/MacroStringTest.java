package org.maildoctor.auth.spf;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.maildoctor.dns.DnsNames;
import org.maildoctor.dns.FakeZone;

/** RFC 7208 7.4, the macro examples, word for word; then the hostile corners. */
class MacroStringTest {

    private static Evaluator evaluator(String ip) {
        InetAddress address = DnsNames.parseIpLiteral(ip).orElseThrow();
        FakeZone zone = FakeZone.builder().build();
        return new Evaluator(new LookupBudget(zone, SpfLimits.RFC7208), address, "strong-bad@email.example.com",
                "mx.example.org", "unknown", Clock.fixed(Instant.ofEpochSecond(1_000_000), ZoneOffset.UTC),
                SpfLimits.RFC7208, Optional.empty());
    }

    private static String expand(String ip, String macro) {
        MacroString m = ((MacroString.Parsed) MacroString.parse(macro, MacroString.Context.RECORD)).value();
        Evaluator e = evaluator(ip);
        return m.expand(letter -> e.macroValue(letter, "email.example.com"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "%{s}, strong-bad@email.example.com",
        "%{o}, email.example.com",
        "%{d}, email.example.com",
        "%{d4}, email.example.com",
        "%{d3}, email.example.com",
        "%{d2}, example.com",
        "%{d1}, com",
        "%{dr}, com.example.email",
        "%{d2r}, example.email",
        "%{l}, strong-bad",
        "%{l-}, strong.bad",
        "%{lr}, strong-bad",
        "%{lr-}, bad.strong",
        "%{l1r-}, strong",
        "%{ir}.%{v}._spf.%{d2}, 3.2.0.192.in-addr._spf.example.com",
        "%{lr-}.lp._spf.%{d2}, bad.strong.lp._spf.example.com",
        "%{lr-}.lp.%{ir}.%{v}._spf.%{d2}, bad.strong.lp.3.2.0.192.in-addr._spf.example.com",
        "%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}, 3.2.0.192.in-addr.strong.lp._spf.example.com",
        "%{d2}.trusted-domains.example.net, example.com.trusted-domains.example.net",
    })
    void rfcExamplesIpv4(String macro, String expected) {
        assertThat(expand("192.0.2.3", macro)).isEqualTo(expected);
    }

    @Test
    void rfcExampleIpv6() {
        assertThat(expand("2001:db8::cb01", "%{ir}.%{v}._spf.%{d2}"))
                .isEqualTo("1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com");
    }

    @Test
    void escapesAndUpperCaseUrlEncoding() {
        assertThat(expand("192.0.2.3", "a%%b%_c%-d")).isEqualTo("a%b c%20d");
        assertThat(expand("192.0.2.3", "%{L}")).isEqualTo("strong-bad");
        assertThat(MacroString.urlEscape("~jack&jill=up-a_b3.c")).isEqualTo("~jack%26jill%3Dup-a_b3.c");
    }

    @Test
    void explanationContextAllowsSpacesAndCrt() {
        MacroString m = ((MacroString.Parsed) MacroString.parse("from %{c} at %{t} via %{r}",
                MacroString.Context.EXPLANATION)).value();
        Evaluator e = evaluator("2001:db8::cb01");
        assertThat(m.expand(letter -> e.macroValue(letter, "email.example.com")))
                .isEqualTo("from 2001:db8::cb01 at 1000000 via unknown");
        assertThat(MacroString.parse("a b", MacroString.Context.RECORD)).isInstanceOf(MacroString.Invalid.class);
    }

    @Test
    void explosiveExpansionsAreCapped() {
        String many = "%{s}".repeat(1000);
        MacroString m = ((MacroString.Parsed) MacroString.parse(many, MacroString.Context.RECORD)).value();
        String out = m.expand(letter -> "x".repeat(1000));
        assertThat(out).hasSize(MacroString.MAX_EXPANSION);
        assertThat(expand("192.0.2.3", "%{d2147483648}")).isEqualTo("email.example.com");
        assertThat(expand("192.0.2.3", "%{d99999999999999999999999r}")).isEqualTo("com.example.email");
    }
}
