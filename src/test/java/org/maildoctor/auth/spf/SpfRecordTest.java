package org.maildoctor.auth.spf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The record grammar (RFC 7208 4.5, 4.6, 5, 6, 12) parsed into types; bad input is a SyntaxError value. */
class SpfRecordTest {

    private static SpfRecord ok(String text) {
        SpfParseResult r = SpfRecord.parse(text);
        assertThat(r).as(text).isInstanceOf(SpfParseResult.Parsed.class);
        return ((SpfParseResult.Parsed) r).record();
    }

    private static SpfParseResult.SyntaxError bad(String text) {
        SpfParseResult r = SpfRecord.parse(text);
        assertThat(r).as(text).isInstanceOf(SpfParseResult.SyntaxError.class);
        return (SpfParseResult.SyntaxError) r;
    }

    @Test
    void everyMechanismBecomesItsOwnType() {
        SpfRecord r = ok("v=spf1 +all -include:_spf.example.com ~a ?a:mail.example.com/24//64 mx mx:%{d}/28 ptr"
                + " ptr:example.com ip4:192.0.2.0/24 ip6:2001:db8::/32 exists:%{ir}.bl.example.com");
        assertThat(r.directives()).extracting(d -> d.mechanism().getClass().getSimpleName())
                .containsExactly("All", "Include", "A", "A", "Mx", "Mx", "Ptr", "Ptr", "Ip4", "Ip6", "Exists");
        assertThat(r.directives()).extracting(Directive::qualifier).containsExactly(Qualifier.PASS, Qualifier.FAIL,
                Qualifier.SOFTFAIL, Qualifier.NEUTRAL, Qualifier.PASS, Qualifier.PASS, Qualifier.PASS, Qualifier.PASS,
                Qualifier.PASS, Qualifier.PASS, Qualifier.PASS);
        Mechanism.A a = (Mechanism.A) r.directives().get(3).mechanism();
        assertThat(a.cidr()).isEqualTo(new Mechanism.DualCidr(24, 64));
        assertThat(a.domain()).map(MacroString::source).contains("mail.example.com");
        assertThat(((Mechanism.A) r.directives().get(2).mechanism()).domain()).isEmpty();
        Mechanism.Ip4 ip4 = (Mechanism.Ip4) r.directives().get(8).mechanism();
        assertThat(ip4.prefix()).isEqualTo(24);
        assertThat(ip4.text()).isEqualTo("ip4:192.0.2.0/24");
        assertThat(((Mechanism.Ip6) r.directives().get(9).mechanism()).text()).isEqualTo("ip6:2001:db8::/32");
        assertThat(r.dnsTermCount()).isEqualTo(8); // include, a, a:, mx, mx:, ptr, ptr:, exists
        assertThat(r.directives().get(3).text()).isEqualTo("?a:mail.example.com/24//64");
    }

    @Test
    void modifiersAreTypedAndUnknownOnesKept() {
        SpfRecord r = ok("v=spf1 mx redirect=_spf.example.com exp=explain.%{d} moo=cow.%{l} x-1.y_z=");
        assertThat(r.redirect()).map(Modifier.Redirect::text).contains("redirect=_spf.example.com");
        assertThat(r.exp()).map(e -> e.domain().hasMacros()).contains(true);
        assertThat(r.unknownModifiers()).extracting(Modifier.Unknown::name).containsExactly("moo", "x-1.y_z");
        assertThat(r.dnsTermCount()).isEqualTo(2);
    }

    @Test
    void redirectIsNotCountedWhenAllIsPresent() {
        assertThat(ok("v=spf1 a -all redirect=x.example.com").dnsTermCount()).isEqualTo(1);
    }

    @Test
    void namesAreCaseInsensitiveAndSpacesFlexible() {
        SpfRecord r = ok("V=SPF1   IP4:192.0.2.1  -ALL   ");
        assertThat(r.directives()).hasSize(2);
        assertThat(ok("v=spf1").directives()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "v=spf1 ip4:192.0.2.1/33 -all          | 7  | /33 is not 0-32",
        "v=spf1 ip4:192.0.2 -all               | 7  | is not an IPv4 address",
        "v=spf1 ip4:192.0.2.01 -all            | 7  | is not an IPv4 address",
        "v=spf1 a/024 -all                     | 7  | /024 is not 0-32",
        "v=spf1 ip6:2001:db8::/129             | 7  | /129 is not 0-128",
        "v=spf1 include -all                   | 7  | needs ':domain'",
        "v=spf1 a: -all                        | 7  | empty domain-spec",
        "v=spf1 a:localhost -all               | 7  | must end with '.' and a top-level label",
        "v=spf1 a:example.123 -all             | 7  | not a valid top-level label",
        "v=spf1 all:foo                        | 7  | 'all' takes no arguments",
        "v=spf1 ptr/24                         | 7  | no CIDR length",
        "v=spf1 mx foo:bar                     | 10 | unknown mechanism 'foo'",
        "v=spf1 -all exp=a.example.com exp=b.example.com | 30 | 'exp' appears more than once",
        "v=spf1 redirect=a.example.com redirect=b.example.com | 30 | 'redirect' appears more than once",
        "v=spf1 exists:%{x}.example.com        | 7  | unknown macro letter 'x'",
        "v=spf1 exists:%{c}.example.com        | 7  | allowed only in explanation text",
        "v=spf1 exists:%{d0}.example.com       | 7  | must not be zero",
        "v=spf1 exists:%{d2!}.example.com      | 7  | invalid macro delimiter '!'",
        "v=spf1 exists:%x.example.com          | 7  | '%' must be followed by",
        "v=spf1 exists:%{d.example.com         | 7  | not closed",
        "v=spf1 1abc=foo                       | 7  | unknown mechanism '1abc'",
        "v=spf1 =foo                           | 7  | not a mechanism or modifier",
    })
    void syntaxErrorsSayWhereAndWhy(String text, int position, String reason) {
        SpfParseResult.SyntaxError e = bad(text);
        assertThat(e.position()).isEqualTo(position);
        assertThat(e.reason()).contains(reason);
        assertThat(e.describe()).contains("at position " + position);
    }

    @Test
    void nonAsciiAndControlCharactersAreErrors() {
        assertThat(bad("v=spf1 a:\u00efgarbage.example.net -all").reason()).contains("non-ASCII");
        assertThat(bad("v=spf1 a:ctrl.example.com\rptr -all").reason()).contains("control character");
        assertThat(bad("v=spf1 ip4:192.0.2.1\t-all").position()).isEqualTo(20);
        assertThat(bad(null).reason()).isEqualTo("no record text");
        assertThat(bad("spf1 -all").reason()).contains("does not start with 'v=spf1'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v=spf1", "v=spf1 -all", "V=Spf1 a", "v=spf1  "})
    void spfRecordsAreRecognised(String txt) {
        assertThat(SpfRecord.isSpfRecord(txt)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"v=spf10", "v=spf1-all", "spf1", "", " v=spf1", "v=spf2.0/pra"})
    void otherTextIsNotAnSpfRecord(String txt) {
        assertThat(SpfRecord.isSpfRecord(txt)).isFalse();
    }

    @Test
    void tenThousandCharacterRecordsParseQuickly() {
        StringBuilder sb = new StringBuilder("v=spf1");
        int n = 0;
        while (sb.length() < 10_000) {
            sb.append(" ip4:192.0.").append(n / 256 % 256).append('.').append(n % 256);
            n++;
        }
        long t0 = System.nanoTime();
        SpfRecord r = ok(sb.toString());
        assertThat(r.directives()).hasSize(n);
        SpfParseResult.SyntaxError garbage = bad("v=spf1 " + "x".repeat(10_000));
        assertThat(garbage.describe()).hasSizeLessThan(300);
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(2000);
    }

    @Test
    void toplabelRule() {
        assertThat(SpfRecord.isToplabel("com")).isTrue();
        assertThat(SpfRecord.isToplabel("xn--p1ai")).isTrue();
        assertThat(SpfRecord.isToplabel("1-2")).isTrue();
        assertThat(SpfRecord.isToplabel("123")).isFalse();
        assertThat(SpfRecord.isToplabel("-com")).isFalse();
        assertThat(SpfRecord.isToplabel("co_m")).isFalse();
        assertThat(SpfRecord.domainSpec("example.com.")).isInstanceOf(Parsing.Ok.class);
        assertThat(SpfRecord.domainSpec("%{d}")).isInstanceOf(Parsing.Ok.class);
        assertThat(SpfRecord.domainSpec("%{d}.123")).isInstanceOf(Parsing.Invalid.class);
        assertThat(SpfRecord.domainSpec("foo.%%")).isInstanceOf(Parsing.Ok.class); // "%%" is a macro-expand
    }
}
