package org.maildoctor.auth.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.maildoctor.dns.FakeZone;

/** Any bytes as a message, any text as a signature or key record: a result, never an exception. */
class DkimPropertyTest {
    static final FakeZone DNS = FakeZone.builder()
            .txt("s._domainkey.x.test", "v=DKIM1; k=rsa; p=" + DkimKeyRecordParserTest.RSA_1024_SPKI)
            .txt("e._domainkey.x.test", "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=")
            .build();
    static final DkimVerifier VERIFIER = new DkimVerifier(DNS, Keys.CLOCK);

    @Property(tries = 300)
    void arbitraryBytesGiveResults(@ForAll @Size(max = 2000) byte[] message) {
        List<DkimSignatureResult> r = VERIFIER.verify(message);
        assertThat(r).allSatisfy(x -> assertThat(x.reason().verdict()).isEqualTo(x.verdict()));
    }

    @Property(tries = 500)
    void arbitrarySignatureHeadersGiveResults(@ForAll("signatureValues") String value) {
        byte[] m = ("DKIM-Signature: " + value + "\r\nFrom: a@x.test\r\nSubject: s\r\n\r\nbody\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        List<DkimSignatureResult> r = VERIFIER.verify(m);
        assertThat(r).hasSizeLessThanOrEqualTo(1);
        assertThat(r).allSatisfy(x -> assertThat(x.verdict()).isNotEqualTo(DkimVerdict.PASS));
    }

    @Property(tries = 300)
    void arbitraryKeyRecordsParse(@ForAll("signatureValues") String text) {
        assertThat(DkimKeyRecordParser.parse(text)).isNotNull();
        assertThat(DkimSelectorProbe.finding("s", "s._domainkey.x.test",
                new org.maildoctor.dns.DnsResult.Answer("s._domainkey.x.test", org.maildoctor.dns.RecordType.TXT,
                        List.of(org.maildoctor.dns.DnsRecord.Txt.of("s._domainkey.x.test", 60, List.of(text))),
                        List.of(), false))).isNotNull();
    }

    /** Tag-list-shaped noise: known tag names with random values, separators and whitespace, plus raw strings. */
    @Provide
    Arbitrary<String> signatureValues() {
        Arbitrary<String> tag = Arbitraries.of("v", "a", "b", "bh", "c", "d", "h", "i", "l", "q", "s", "t", "x", "k", "p", "z", "");
        Arbitrary<String> val = Arbitraries.oneOf(
                Arbitraries.of("1", "rsa-sha256", "ed25519-sha256", "rsa-sha1", "x.test", "s", "e", "from", "from:to",
                        "relaxed/relaxed", "simple/foo", "AAAA", "=", "@x.test", "a=40x.test", "dns/txt",
                        "99999999999999999999999999999", "-1", "\r\n\t", "p"),
                Arbitraries.strings().withCharRange((char) 0, (char) 0xff).ofMaxLength(20));
        Arbitrary<String> spec = net.jqwik.api.Combinators.combine(tag, Arbitraries.of("=", " = ", "", "=\r\n "), val)
                .as((t, eq, v) -> t + eq + v);
        return Arbitraries.oneOf(spec.list().ofMaxSize(12).map(l -> String.join(";", l)),
                Arbitraries.strings().withCharRange((char) 0, (char) 0xff).ofMaxLength(200));
    }
}
