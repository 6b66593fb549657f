package org.maildoctor.transport.mtasts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 8461 §3.2 policy fields; §4.1 MX matching. */
class MtaStsPolicyParserTest {

    @Test
    void theRfcExampleParses() {
        PolicyParse p = MtaStsPolicyParser.parse("version: STSv1\nmode: enforce\nmx: mail.example.com\n"
                + "mx: *.example.net\nmx: backupmx.example.com\nmax_age: 604800\n");
        assertThat(p.errors()).isEmpty();
        assertThat(p.warnings()).isEmpty();
        MtaStsPolicy policy = p.policy().orElseThrow();
        assertThat(policy.mode()).isEqualTo(Mode.ENFORCE);
        assertThat(policy.maxAge()).isEqualTo(604800);
        assertThat(policy.mx()).extracting(MxPattern::pattern)
                .containsExactly("mail.example.com", "*.example.net", "backupmx.example.com");
        assertThat(policy.allows("MAIL.example.com.")).isTrue();
        assertThat(policy.allows("mx1.example.net")).isTrue();
        assertThat(policy.allows("a.b.example.net")).isFalse();
        assertThat(policy.allows("example.net")).isFalse();
        assertThat(policy.allows("other.example.com")).isFalse();
    }

    @Test
    void crlfOnlyIsFineButAMixIsAWarning() {
        assertThat(MtaStsPolicyParser.parse("version: STSv1\r\nmode: testing\r\nmx: a.example\r\nmax_age: 86400000\r\n")
                .errors()).containsExactly("max_age 86400000 exceeds the maximum of 31557600 seconds (RFC 8461 §3.2)");
        PolicyParse mixed = MtaStsPolicyParser.parse("version: STSv1\r\nmode: testing\nmx: a.example\r\nmax_age: 604800");
        assertThat(mixed.policy()).isPresent();
        assertThat(mixed.warnings()).singleElement().asString().contains("mixes CRLF and LF");
    }

    @Test
    void missingAndBadFieldsAreErrors() {
        PolicyParse p = MtaStsPolicyParser.parse("version: STSv2\nmode: strict\nmax_age: 99999999999\nmx: bad_host!\n");
        assertThat(p.policy()).isEmpty();
        assertThat(p.errors()).anySatisfy(e -> assertThat(e).contains("version is 'STSv2'"))
                .anySatisfy(e -> assertThat(e).contains("mode is 'strict'"))
                .anySatisfy(e -> assertThat(e).contains("not 1 to 10 digits"))
                .anySatisfy(e -> assertThat(e).contains("mx value 'bad_host!'"));
        assertThat(MtaStsPolicyParser.parse("version: STSv1\nmode: enforce\nmax_age: 604800\n").errors())
                .singleElement().asString().contains("no 'mx' field");
        assertThat(MtaStsPolicyParser.parse("").errors()).contains("no 'version: STSv1' field");
    }

    @Test
    void modeNoneNeedsNoMxAndShortMaxAgeWarns() {
        PolicyParse p = MtaStsPolicyParser.parse("version: STSv1\nmode: none\nmax_age: 60\n");
        assertThat(p.policy().orElseThrow().mode()).isEqualTo(Mode.NONE);
        assertThat(p.warnings()).singleElement().asString().contains("shorter than a week");
    }

    @Test
    void unknownFieldsAreIgnoredAndNonUtf8IsAnError() {
        assertThat(MtaStsPolicyParser.parse("version: STSv1\nmode: enforce\nmx: a.example\nmax_age: 604800\nfoo: bar\n")
                .policy()).isPresent();
        assertThat(MtaStsPolicyParser.parse(new byte[] {(byte) 0xff, (byte) 0xfe, 'x'}).errors())
                .containsExactly("the policy is not UTF-8 text");
    }

    @Test
    void aHugePolicyIsParsedWithoutTrouble() {
        String huge = "version: STSv1\nmode: enforce\nmx: a.example\nmax_age: 604800\nx: " + "y".repeat(10_000_000) + "\n";
        assertThat(MtaStsPolicyParser.parse(huge.getBytes(StandardCharsets.UTF_8)).policy()).isPresent();
    }
}
