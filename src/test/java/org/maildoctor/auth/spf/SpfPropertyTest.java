package org.maildoctor.auth.spf;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.maildoctor.dns.DnsNames;
import org.maildoctor.dns.FakeZone;

/**
 * Any text in, a record or a clean syntax error out; any record evaluated gives one of the seven
 * results with a reason, never an exception, within the lookup limits (DESIGN.md example 17).
 */
class SpfPropertyTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Property(tries = 3000)
    void arbitraryTextParsesOrFailsCleanly(@ForAll @StringLength(max = 300) String text) {
        parseChecked("v=spf1 " + text);
        parseChecked(text);
    }

    @Property(tries = 3000)
    void recordShapedTextParsesOrFailsCleanly(@ForAll("recordish") String text) {
        parseChecked(text);
    }

    @Property(tries = 1500)
    void evaluationAlwaysEndsInOneOfTheSevenResults(@ForAll("recordish") String record, @ForAll("recordish") String included,
                                                    @ForAll("clients") String client) {
        FakeZone dns = FakeZone.builder()
                .txt("example.com", record)
                .txt("inc.example.com", included)
                .txt("_spf.example.com", "v=spf1 include:example.com ~all")
                .a("example.com", "192.0.2.1").aaaa("example.com", "2001:db8::1")
                .mx("example.com", 10, "mx.example.com").a("mx.example.com", "192.0.2.25")
                .timeout("slow.example.com")
                .build();
        InetAddress ip = DnsNames.parseIpLiteral(client).orElseThrow();
        long t0 = System.nanoTime();
        SpfEvaluation e = SpfVerifier.using(dns, CLOCK).withDefaultExplanation("%{i} %{s}")
                .checkMailFrom(ip, "user%{l}@example.com", "helo.example.com");
        assertThat(e.result()).isNotNull();
        assertThat(e.reason()).isNotBlank().hasSizeLessThan(2000);
        assertThat(e.lookups()).isLessThanOrEqualTo(11);
        assertThat(e.voidLookups()).isLessThanOrEqualTo(3);
        assertThat(dns.queryCount()).isLessThan(250); // 10 terms x (1 + 10 names) plus the record fetches
        if (e.result() != SpfResult.FAIL) {
            assertThat(e.explanation()).isEmpty();
        }
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(2000);
        SpfLinter.using(dns).inspect("example.com"); // the linter is total too
    }

    @Provide
    Arbitrary<String> recordish() {
        Arbitrary<String> term = Arbitraries.of("a", "mx", "ptr", "all", "include:inc.example.com", "include:example.com",
                "include:_spf.example.com", "exists:%{i}.example.com", "a:slow.example.com", "mx:%{d}", "ip4:192.0.2.0/24",
                "ip6:2001:db8::/32", "ip4:192.0.2.1", "a/24", "a//64", "redirect=inc.example.com", "redirect=%{d}",
                "exp=%{d}", "exp=inc.example.com", "%{l}", "%{x}", "%", "%%", "%{d99999}", "a:%{s}%{s}%{s}%{s}.example.com",
                "ptr:%{p}.example.com", "foo=bar", "include", ":", "/", "//", "=", "ip4:", "ip6:::/0", "a:.", "\u00e9",
                "\t", "-", "+", "~", "?", "v=spf1", "A:EXAMPLE.COM", "exists:%{ir}.%{v}._spf.%{d2}");
        return term.list().ofMaxSize(25).map(l -> "v=spf1 " + String.join(" ", l));
    }

    @Provide
    Arbitrary<String> clients() {
        return Arbitraries.of("192.0.2.1", "192.0.2.25", "198.51.100.7", "2001:db8::1", "2001:db8::dead", "::ffff:192.0.2.1");
    }

    private static void parseChecked(String text) {
        SpfParseResult r = SpfRecord.parse(text);
        switch (r) {
            case SpfParseResult.Parsed p -> {
                assertThat(p.record().text()).isEqualTo(text);
                p.record().directives().forEach(d -> assertThat(d.mechanism().text()).isNotBlank());
            }
            case SpfParseResult.SyntaxError e -> {
                assertThat(e.reason()).isNotBlank();
                assertThat(e.position()).isBetween(0, Math.max(0, text.length()));
                assertThat(e.describe()).hasSizeLessThan(400).doesNotContain("\r", "\n", "\u0000");
            }
        }
    }
}
