package org.maildoctor.auth.dkim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class DkimKeyGeneratorTest {

    @Test
    void rsaKeyRecordIsSplitIntoStringsOfAtMost255Octets() {
        GeneratedDkimKey k = Keys.RSA;
        assertThat(k.dnsName()).isEqualTo("rsa._domainkey.good.test");
        assertThat(k.bits()).isEqualTo(2048);
        assertThat(k.recordText()).startsWith("v=DKIM1; k=rsa; p=MIIBIjAN");
        assertThat(k.recordStrings()).hasSizeGreaterThan(1).allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(255));
        assertThat(String.join("", k.recordStrings())).isEqualTo(k.recordText());
        assertThat(k.zoneFileLine()).startsWith("rsa._domainkey.good.test. IN TXT ( \"v=DKIM1; k=rsa; p=").endsWith("\" )");
        DkimKeyRecord parsed = DkimKeyRecordParser.parse(k.recordText()).usableKey().orElseThrow();
        assertThat(parsed.bits()).isEqualTo(2048);
        assertThat(k.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(k.toString()).doesNotContain("PRIVATE");
    }

    @Test
    void ed25519RecordCarriesTheRaw32ByteKey() {
        GeneratedDkimKey k = Keys.ED;
        assertThat(k.recordText()).startsWith("v=DKIM1; k=ed25519; p=");
        String p = k.recordText().substring(k.recordText().indexOf("p=") + 2);
        assertThat(Base64.getDecoder().decode(p)).hasSize(32);
        assertThat(k.recordStrings()).hasSize(1);
        assertThat(DkimPrivateKeys.parse(k.privateKeyPem())).get().extracting(java.security.Key::getAlgorithm)
                .isIn("Ed25519", "EdDSA");
    }

    @Test
    void refusesWeakSizesAndBadNames() {
        DkimKeyGenerator g = new DkimKeyGenerator();
        assertThatThrownBy(() -> g.generate("good.test", "s", DkimAlgorithm.KeyType.RSA, 512))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RFC 8301");
        assertThatThrownBy(() -> g.generate("bad domain", "s", DkimAlgorithm.KeyType.ED25519, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void privateKeyReaderRefusesNonKeys() {
        assertThat(DkimPrivateKeys.parse("hello")).isEmpty();
        assertThat(DkimPrivateKeys.parse("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")).isEmpty();
        assertThat(DkimPrivateKeys.parse("-----BEGIN RSA PRIVATE KEY-----\n%%%\n-----END RSA PRIVATE KEY-----")).isEmpty();
    }
}
