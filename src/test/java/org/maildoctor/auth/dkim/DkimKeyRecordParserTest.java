package org.maildoctor.auth.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6376 3.6.1 key records, RFC 8463 4.2 Ed25519 keys. */
class DkimKeyRecordParserTest {
    static final String RSA_1024_SPKI = "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQoBTzWRiGs5V6NpP3idY6Wk08a5qhdR6wy5bdOKb2jLQiY/J16JYi0Qvx/byYzCNb3W91y3FutACDfzwQ/BC/e/8uBsCR+yz1Lxj+PL6lHvqMKrM3rG4hstT5QjvHO9PzoxZyVYLzBfO2EeC3Ip3G+2kryOTIKT+l/K4w3QIDAQAB";

    @Test
    void rsaKeyWithDefaults() {
        DkimKeyRecord k = valid("v=DKIM1; p=" + RSA_1024_SPKI);
        assertThat(k.keyType()).isEqualTo(DkimAlgorithm.KeyType.RSA);
        assertThat(k.bits()).isEqualTo(1024);
        assertThat(k.allows(DkimAlgorithm.RSA_SHA256)).isTrue();
        assertThat(k.forEmail()).isTrue();
        assertThat(k.testing()).isFalse();
    }

    @Test
    void flagsHashesAndServices() {
        DkimKeyRecord k = valid("v=DKIM1; s=email:web:fine; x1 = extra ; t = y:n:extra; h=md5:sha1; p=" + RSA_1024_SPKI);
        assertThat(k.testing()).isTrue();
        assertThat(k.strict()).isFalse();
        assertThat(k.allows(DkimAlgorithm.RSA_SHA256)).isFalse();
        assertThat(k.allows(DkimAlgorithm.RSA_SHA1)).isTrue();
        assertThat(k.forEmail()).isTrue();
        assertThat(valid("t=s; s=chat; p=" + RSA_1024_SPKI)).satisfies(x -> {
            assertThat(x.strict()).isTrue();
            assertThat(x.forEmail()).isFalse();
        });
    }

    @Test
    void bareRsaPublicKeyIsAcceptedLikeSpki() {
        String pkcs1 = CorpusFiles.text("dkimpy/1024_testkey_wo_markers.pub.rsa.txt").strip();
        String spki = CorpusFiles.text("dkimpy/1024_testkey_wo_markers.pub.txt").strip();
        DkimKeyRecord a = valid(pkcs1); // the files hold whole records: v=DKIM1; g=*; k=rsa; p=…
        DkimKeyRecord b = valid(spki);
        assertThat(a.publicKey()).isEqualTo(b.publicKey());
        assertThat(a.bits()).isEqualTo(1024);
    }

    @Test
    void ed25519RawKey() {
        DkimKeyRecord k = valid("v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=");
        assertThat(k.keyType()).isEqualTo(DkimAlgorithm.KeyType.ED25519);
        assertThat(k.bits()).isEqualTo(256);
    }

    @Test
    void emptyPIsRevoked() {
        assertThat(DkimKeyRecordParser.parse("k=rsa; t=y; p=")).isInstanceOf(DkimKeyRecord.Parse.Revoked.class);
        assertThat(DkimKeyRecordParser.parse("v=DKIM1; p= ")).isInstanceOf(DkimKeyRecord.Parse.Revoked.class);
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            v=DKIM3; p=AAAA                                                              | KEY_SYNTAX
            k=rsa; t; p=AAAA                                                             | KEY_SYNTAX
            v=DKIM1; k=rsa                                                               | KEY_SYNTAX
            ''                                                                           | KEY_SYNTAX
            v=DKIM1; p=%%%                                                               | KEY_SYNTAX
            v=DKIM1; k=rsa; p=AAAAAAAA                                                   | KEY_SYNTAX
            k=foobar; p=AAAA                                                             | KEY_TYPE_MISMATCH
            v=DKIM1; k=ed25519; p=MCowBQYDK2VwAyEA3SUqa9UbfciWkk7tlcJ9P1VD5pXAasg0JUn/OgjVbKE= | KEY_SYNTAX
            """)
    void unusable(String text, FailureReason reason) {
        assertThat(DkimKeyRecordParser.parse(text)).isInstanceOfSatisfying(DkimKeyRecord.Parse.Invalid.class,
                i -> assertThat(i.reason()).isEqualTo(reason));
    }

    private static DkimKeyRecord valid(String text) {
        DkimKeyRecord.Parse p = DkimKeyRecordParser.parse(text);
        assertThat(p).isInstanceOf(DkimKeyRecord.Parse.Valid.class);
        return p.usableKey().orElseThrow();
    }
}
