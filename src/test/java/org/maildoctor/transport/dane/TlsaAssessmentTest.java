package org.maildoctor.transport.dane;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.maildoctor.dns.DnsRecord;

/** RFC 6698 §2.1 fields; RFC 7672 §3.1.3 usages for SMTP. */
class TlsaAssessmentTest {
    private static TlsaAssessment of(int u, int s, int m, String hex) {
        return TlsaAssessment.of(new DnsRecord.Tlsa("_25._tcp.mx.example", 300, u, s, m, hex));
    }

    @Test
    void daneEeSpkiSha256IsUsable() {
        TlsaAssessment a = of(3, 1, 1, "ab".repeat(32));
        assertThat(a.usable()).isTrue();
        assertThat(a.usageName() + " " + a.selectorName() + " " + a.matchingName()).isEqualTo("DANE-EE SPKI SHA2-256");
    }

    @Test
    void problems() {
        assertThat(of(1, 1, 1, "ab".repeat(32)).problems()).singleElement().asString().contains("unusable for SMTP");
        assertThat(of(3, 1, 1, "abcd").problems()).singleElement().asString().contains("32 bytes");
        assertThat(of(3, 1, 2, "ab".repeat(32)).problems()).singleElement().asString().contains("64 bytes");
        assertThat(of(4, 2, 3, "ab").problems()).hasSize(3);
        assertThat(of(2, 0, 0, "ab".repeat(100)).warnings()).singleElement().asString().contains("SHA2-256");
    }
}
