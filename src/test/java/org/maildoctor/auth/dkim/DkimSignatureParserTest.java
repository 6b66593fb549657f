package org.maildoctor.auth.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6376 3.5 and 6.1.1: what makes a DKIM-Signature unusable, and with which reason. */
class DkimSignatureParserTest {
    static final String GOOD = "v=1; a=rsa-sha256; c=relaxed/simple; d=Example.COM; s=sel; h=From:To:from; "
            + "bh=AAAA; b=AB\r\n CD; i=joe=40sub.example.com; l=10; t=100; x=200; q=foo:dns/txt";

    @Test
    void validSignatureHasEveryTagDecoded() {
        DkimSignature s = valid(GOOD);
        assertThat(s.algorithm()).isEqualTo(DkimAlgorithm.RSA_SHA256);
        assertThat(s.headerCanonicalization()).isEqualTo(Canonicalization.RELAXED);
        assertThat(s.bodyCanonicalization()).isEqualTo(Canonicalization.SIMPLE);
        assertThat(s.domain()).isEqualTo("example.com");
        assertThat(s.signedHeaders()).containsExactly("from", "to", "from");
        assertThat(s.identity()).isEqualTo("joe@sub.example.com");
        assertThat(s.identityDomain()).isEqualTo("sub.example.com");
        assertThat(s.bodyLength()).hasValue(10);
        assertThat(s.timestamp()).hasValue(100);
        assertThat(s.expiration()).hasValue(200);
        assertThat(s.signature()).containsExactly(0x00, 0x10, 0x83);
        assertThat(s.keyName()).isEqualTo("sel._domainkey.example.com");
    }

    @Test
    void defaultsAreSimpleSimpleAndAtDomain() {
        DkimSignature s = valid("v=1; a=ed25519-sha256; d=x.test; s=s; h=from; bh=AAAA; b=AAAA");
        assertThat(s.headerCanonicalization()).isEqualTo(Canonicalization.SIMPLE);
        assertThat(s.bodyCanonicalization()).isEqualTo(Canonicalization.SIMPLE);
        assertThat(s.identity()).isEqualTo("@x.test");
        assertThat(valid("v=1; a=rsa-sha256; c=relaxed; d=x.test; s=s; h=from; bh=AAAA; b=AAAA")
                .bodyCanonicalization()).isEqualTo(Canonicalization.SIMPLE);
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            a=rsa-sha256; d=x.test; s=s; h=from; bh=AAAA; b=AAAA                        | SYNTAX
            v=0.5; a=rsa-sha256; d=x.test; s=s; h=from; bh=AAAA; b=AAAA                 | SYNTAX
            v=1; a=rsa-sha256; d=x.test; s=s; h=from; bh=AAAA                           | SYNTAX
            v=1; a=rsa-sha256; d=x.test; s=s; h=from; bh=AAAA; b=!!not*base64           | SYNTAX
            v=1; a=rsa-sha256; d=x.test; s=s; h=from; bh=A; b=AAAA                      | SYNTAX
            v=1; a=rsa-md5; d=x.test; s=s; h=from; bh=AAAA; b=AAAA                      | UNSUPPORTED_ALGORITHM
            v=1; a=rsa-sha256; d=x.test; s=s; h=to:subject; bh=AAAA; b=AAAA             | FROM_NOT_SIGNED
            v=1; a=rsa-sha256; d=x.test; s=s; h=from; bh=AAAA; b=AAAA; i=a@other.test   | DOMAIN_MISMATCH
            v=1; a=rsa-sha256; d=x.test; s=s; h=from; bh=AAAA; b=AAAA; i=a@evilx.test   | DOMAIN_MISMATCH
            v=1; a=rsa-sha256; d=x.test; s=s; h=from; bh=AAAA; b=AAAA; q=dns            | UNSUPPORTED_QUERY_METHOD
            v=1; a=rsa-sha256; d=x.test; s=s; h=from; bh=AAAA; b=AAAA; c=foobar         | SYNTAX
            v=1; a=rsa-sha256; d=x.test; s=s; h=from; bh=AAAA; b=AAAA; l=-1             | SYNTAX
            v=1; a=rsa-sha256; d=x.test; s=s; h=from; bh=AAAA; b=AAAA; t=10; x=5        | SYNTAX
            v=1; a=rsa-sha256; d=legitimate.com(.attacker.com; s=s; h=from; bh=AAAA; b=AAAA | SYNTAX
            v=1; a=rsa-sha256; d=x.test; s=s; h=from::to; bh=AAAA; b=AAAA               | SYNTAX
            synerr                                                                      | SYNTAX
            v=1; v=1; a=rsa-sha256; d=x.test; s=s; h=from; bh=AAAA; b=AAAA              | SYNTAX
            """)
    void invalid(String value, FailureReason reason) {
        SignatureParse p = DkimSignatureParser.parse(new HeaderField("DKIM-Signature", "DKIM-Signature: " + value));
        assertThat(p).isInstanceOfSatisfying(SignatureParse.Invalid.class, i -> {
            assertThat(i.reason()).isEqualTo(reason);
            assertThat(i.explanation()).isNotBlank();
        });
    }

    @Test
    void invalidKeepsWhatCouldBeReadForTheReport() {
        SignatureParse.Invalid i = (SignatureParse.Invalid) DkimSignatureParser.parse(
                new HeaderField("DKIM-Signature", "DKIM-Signature: v=0.5; a=rsa-sha1; d=Messiah.edu; s=test1; b=x"));
        assertThat(i.domain()).isEqualTo("messiah.edu");
        assertThat(i.selector()).isEqualTo("test1");
        assertThat(i.algorithm()).isEqualTo("rsa-sha1");
        assertThat(i.explanation()).contains("v=0.5");
    }

    private static DkimSignature valid(String value) {
        SignatureParse p = DkimSignatureParser.parse(new HeaderField("DKIM-Signature", "DKIM-Signature: " + value));
        assertThat(p).isInstanceOf(SignatureParse.Valid.class);
        return ((SignatureParse.Valid) p).signature();
    }
}
