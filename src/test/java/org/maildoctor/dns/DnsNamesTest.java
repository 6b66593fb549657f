package org.maildoctor.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class DnsNamesTest {

    @Test
    void lowerCasesAndDropsTheTrailingDot() {
        assertThat(DnsNames.normalize("Good.TEST.")).isEqualTo("good.test");
        assertThat(DnsNames.normalize("  sel1._domainkey.good.test ")).isEqualTo("sel1._domainkey.good.test");
        assertThat(DnsNames.normalize(".")).isEqualTo(".");
    }

    @Test
    void convertsIdnToALabels() {
        assertThat(DnsNames.normalize("bücher.example")).isEqualTo("xn--bcher-kva.example");
        assertThat(DnsNames.normalize("BÜCHER.example.")).isEqualTo("xn--bcher-kva.example");
        assertThat(DnsNames.normalize("münchen.test")).isEqualTo("xn--mnchen-3ya.test");
        // A-labels pass through unchanged
        assertThat(DnsNames.normalize("xn--bcher-kva.example")).isEqualTo("xn--bcher-kva.example");
    }

    @Test
    void rejectsWhatCannotBeAName() {
        assertThatThrownBy(() -> DnsNames.normalize("")).isInstanceOf(DnsNameException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> DnsNames.normalize("a..b")).isInstanceOf(DnsNameException.class).hasMessageContaining("empty label");
        assertThatThrownBy(() -> DnsNames.normalize(".a")).isInstanceOf(DnsNameException.class);
        assertThatThrownBy(() -> DnsNames.normalize("a".repeat(64) + ".test")).isInstanceOf(DnsNameException.class)
                .hasMessageContaining("63");
        assertThatThrownBy(() -> DnsNames.normalize(("a".repeat(60) + ".").repeat(5) + "test"))
                .isInstanceOf(DnsNameException.class).hasMessageContaining("253");
        // a space is a legal octet in a DNS label (SPF macro expansions produce them); only the ends are trimmed
        assertThat(DnsNames.normalize(" Good Test. ")).isEqualTo("good test");
        assertThatThrownBy(() -> DnsNames.normalize("good\ttest")).isInstanceOf(DnsNameException.class)
                .hasMessageContaining("\\u0009");
        assertThatThrownBy(() -> DnsNames.normalize("evil\u0007.test")).isInstanceOf(DnsNameException.class)
                .hasMessageContaining("\\u0007").hasMessageNotContaining("\u0007");
        assertThatThrownBy(() -> DnsNames.normalize("a\\.b")).isInstanceOf(DnsNameException.class);
        assertThatThrownBy(() -> DnsNames.normalize(null)).isInstanceOf(DnsNameException.class);
    }

    @Test
    void acceptsTheLongestLegalName() {
        String label = "a".repeat(63);
        String name = label + "." + label + "." + label + "." + "a".repeat(61); // 253 characters
        assertThat(name).hasSize(253);
        assertThat(DnsNames.normalize(name)).isEqualTo(name);
        assertThat(DnsNames.normalize(name + ".")).isEqualTo(name);
    }

    @Test
    void reverseNames() throws Exception {
        assertThat(DnsNames.reverseName(InetAddress.getByName("127.0.0.1"))).isEqualTo("1.0.0.127.in-addr.arpa");
        assertThat(DnsNames.reverseName(InetAddress.getByName("::1")))
                .isEqualTo("1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.ip6.arpa");
        assertThat(DnsNames.reverseName(InetAddress.getByName("2001:db8::ab")))
                .startsWith("b.a.0.0.").endsWith("8.b.d.0.1.0.0.2.ip6.arpa");
        assertThat(DnsNames.reverseLabels(InetAddress.getByName("127.0.0.2"))).isEqualTo("2.0.0.127");
        assertThat(DnsNames.reverseLabels(InetAddress.getByName("::1"))).hasSize(63).startsWith("1.0.").endsWith(".0");
    }

    @Test
    void parsesIpLiteralsWithoutLookingAnythingUp() {
        assertThat(DnsNames.parseIpLiteral("127.0.0.1")).map(InetAddress::getHostAddress).contains("127.0.0.1");
        assertThat(DnsNames.parseIpLiteral("::1")).isPresent();
        assertThat(DnsNames.parseIpLiteral("999.1.1.1")).isEmpty();
        assertThat(DnsNames.parseIpLiteral("good.test")).isEmpty();
        assertThat(DnsNames.parseIpLiteral("1.2.3")).isEmpty();
        assertThat(DnsNames.parseIpLiteral("abc:")).isEmpty();
    }

    @Property(tries = 2000)
    void anyStringGivesANameOrACleanException(@ForAll("nameLike") String input) {
        String normalized;
        try {
            normalized = DnsNames.normalize(input);
        } catch (DnsNameException e) {
            assertThat(e.getMessage()).startsWith("invalid DNS name").doesNotContain("\n", "\r", "\u0000");
            return;
        }
        assertThat(normalized).isNotEmpty().hasSizeLessThanOrEqualTo(253).doesNotEndWith("..");
        assertThat(normalized.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
        assertThat(normalized).doesNotStartWith(" ").doesNotEndWith(" ");
        assertThat(normalized).isEqualTo(normalized.toLowerCase(java.util.Locale.ROOT));
        if (!normalized.equals(".")) {
            assertThat(normalized).doesNotEndWith(".");
            for (String label : normalized.split("\\.", -1)) {
                assertThat(label).isNotEmpty().hasSizeLessThanOrEqualTo(63);
            }
        }
        assertThat(DnsNames.normalize(normalized)).as("idempotent").isEqualTo(normalized);
    }

    @Provide
    Arbitrary<String> nameLike() {
        Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(300);
        Arbitrary<String> dotted = Arbitraries.strings()
                .withChars("abcXYZ019-_.*/ üßé\u3002\u00ad\u200b\\\"")
                .ofMaxLength(80);
        Arbitrary<String> labels = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(0).ofMaxLength(70)
                .list().ofMinSize(1).ofMaxSize(6).map(l -> String.join(".", l));
        return Arbitraries.oneOf(anything, dotted, labels);
    }
}
