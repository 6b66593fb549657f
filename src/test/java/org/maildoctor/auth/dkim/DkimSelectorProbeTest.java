package org.maildoctor.auth.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.maildoctor.dns.FakeZone;
import org.maildoctor.dns.RecordType;

class DkimSelectorProbeTest {

    @Test
    void reportsEachSelectorWithTypeBitsAndGrade() {
        FakeZone dns = FakeZone.builder()
                .txt("google._domainkey.example.com", Keys.RSA.recordStrings().toArray(String[]::new))
                .txt("selector1._domainkey.example.com", "v=DKIM1; k=rsa; p=" + DkimKeyRecordParserTest.RSA_1024_SPKI)
                .txt("s1._domainkey.example.com", "v=DKIM1; t=y; p=MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBALgSoqXVSEmfcIsOzw7oRuCCOwsmtX/SJnTWxYyj2leFxfS/AVJ+dYfY+hXqMsT7l+MZvvh/R1WzN4MO/kI/7XsCAwEAAQ==")
                .txt("k1._domainkey.example.com", Keys.ED.recordText())
                .txt("default._domainkey.example.com", "v=DKIM1; k=rsa; p=")
                .txt("dkim._domainkey.example.com", "v=DKIM1; p=bm90IGEga2V5")
                .timeout("mail._domainkey.example.com", RecordType.TXT)
                .servfail("smtp._domainkey.example.com")
                .exists("s2._domainkey.example.com")
                .build();
        List<SelectorFinding> f = new DkimSelectorProbe(dns).probe("Example.COM.").join();
        assertThat(f).hasSize(DkimSelectorProbe.COMMON_SELECTORS.size());
        assertThat(dns.queryCount()).isEqualTo(DkimSelectorProbe.COMMON_SELECTORS.size());
        assertThat(find(f, "google")).isInstanceOfSatisfying(SelectorFinding.Found.class, x -> {
            assertThat(x.bits()).isEqualTo(2048);
            assertThat(x.grade()).isEqualTo(KeyGrade.GOOD);
            assertThat(x.name()).isEqualTo("google._domainkey.example.com");
        });
        assertThat(find(f, "selector1")).isInstanceOfSatisfying(SelectorFinding.Found.class,
                x -> assertThat(x.grade()).isEqualTo(KeyGrade.WARN));
        assertThat(find(f, "s1")).isInstanceOfSatisfying(SelectorFinding.Found.class, x -> {
            assertThat(x.bits()).isEqualTo(512);
            assertThat(x.grade()).isEqualTo(KeyGrade.FAIL);
            assertThat(x.testing()).isTrue();
        });
        assertThat(find(f, "k1")).isInstanceOfSatisfying(SelectorFinding.Found.class, x -> {
            assertThat(x.keyType()).isEqualTo(DkimAlgorithm.KeyType.ED25519);
            assertThat(x.grade()).isEqualTo(KeyGrade.GOOD);
        });
        assertThat(find(f, "default")).isInstanceOf(SelectorFinding.Revoked.class);
        assertThat(find(f, "dkim")).isInstanceOfSatisfying(SelectorFinding.Invalid.class,
                x -> assertThat(x.reason()).isEqualTo(FailureReason.KEY_SYNTAX));
        // DNS failures are "unknown", never "absent"
        assertThat(find(f, "mail")).isInstanceOf(SelectorFinding.Unknown.class);
        assertThat(find(f, "smtp")).isInstanceOf(SelectorFinding.Unknown.class);
        assertThat(find(f, "s2")).isInstanceOf(SelectorFinding.Absent.class);
        assertThat(find(f, "amazonses")).isInstanceOf(SelectorFinding.Absent.class);
    }

    @Test
    void explicitSelectorsInOrderWithoutDuplicates() {
        FakeZone dns = FakeZone.builder().build();
        List<SelectorFinding> f = new DkimSelectorProbe(dns).probe("x.test", List.of("b", "a", "b")).join();
        assertThat(f).extracting(SelectorFinding::selector).containsExactly("b", "a");
        assertThat(f).allSatisfy(x -> assertThat(x).isInstanceOf(SelectorFinding.Absent.class));
    }

    @Test
    void gradeThresholds() {
        assertThat(KeyGrade.of(DkimAlgorithm.KeyType.RSA, 1023)).isEqualTo(KeyGrade.FAIL);
        assertThat(KeyGrade.of(DkimAlgorithm.KeyType.RSA, 1024)).isEqualTo(KeyGrade.WARN);
        assertThat(KeyGrade.of(DkimAlgorithm.KeyType.RSA, 2048)).isEqualTo(KeyGrade.GOOD);
        assertThat(KeyGrade.of(DkimAlgorithm.KeyType.ED25519, 256)).isEqualTo(KeyGrade.GOOD);
    }

    private static SelectorFinding find(List<SelectorFinding> f, String selector) {
        return f.stream().filter(x -> x.selector().equals(selector)).findFirst().orElseThrow();
    }
}
