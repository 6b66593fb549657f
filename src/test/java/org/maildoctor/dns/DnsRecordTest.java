package org.maildoctor.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class DnsRecordTest {

    @Test
    void txtStringsAreJoinedWithoutSeparator() {
        DnsRecord.Txt txt = DnsRecord.Txt.of("sel1._domainkey.good.test", 300,
                List.of("v=DKIM1; k=rsa; ", "p=MIIBIjAN", "BgkqhkiG9w0"));
        assertThat(txt.text()).isEqualTo("v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0");
        assertThat(txt.strings()).hasSize(3);
        assertThat(txt.value()).isEqualTo("\"v=DKIM1; k=rsa; \" \"p=MIIBIjAN\" \"BgkqhkiG9w0\"");
    }

    @Test
    void txtPresentationEscapesQuotesBackslashesAndControls() {
        DnsRecord.Txt txt = DnsRecord.Txt.of("t.test", 60, List.of("say \"hi\" \\ \u0001"));
        assertThat(txt.value()).isEqualTo("\"say \\\"hi\\\" \\\\ \\001\"");
    }

    @Test
    void presentationLooksLikeAZoneFileLine() throws Exception {
        assertThat(new DnsRecord.Mx("good.test", 300, 10, "mx.good.test").presentation())
                .isEqualTo("good.test.\t300\tMX\t10 mx.good.test.");
        assertThat(new DnsRecord.A("mx.good.test", 300, (Inet4Address) InetAddress.getByName("127.0.0.1")).toString())
                .isEqualTo("mx.good.test.\t300\tA\t127.0.0.1");
        assertThat(new DnsRecord.Aaaa("v6.test", 5, (Inet6Address) InetAddress.getByName("::1")).value())
                .isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(new DnsRecord.Ptr("1.0.0.127.in-addr.arpa", 300, "mx.good.test").value()).isEqualTo("mx.good.test.");
        assertThat(new DnsRecord.Soa("good.test", 300, "ns1.good.test", "hostmaster.good.test", 2024010101,
                3600, 600, 86400, 300).value())
                .isEqualTo("ns1.good.test. hostmaster.good.test. 2024010101 3600 600 86400 300");
        assertThat(new DnsRecord.Tlsa("_25._tcp.mx.test", 300, 3, 1, 1, "ab12").value()).isEqualTo("3 1 1 ab12");
    }

    @Test
    void nullMxExchangeIsTheRoot() {
        DnsRecord.Mx nullMx = new DnsRecord.Mx("nullmx.test", 300, 0, ".");
        assertThat(nullMx.isNullMx()).isTrue();
        assertThat(nullMx.value()).isEqualTo("0 .");
        assertThat(new DnsRecord.Mx("good.test", 300, 10, "mx.good.test").isNullMx()).isFalse();
    }

    @Test
    void soaNegativeTtlIsTheLesserOfTtlAndMinimum() {
        assertThat(new DnsRecord.Soa("t", 300, "a", "b", 1, 1, 1, 1, 60).negativeTtl()).isEqualTo(60);
        assertThat(new DnsRecord.Soa("t", 30, "a", "b", 1, 1, 1, 1, 60).negativeTtl()).isEqualTo(30);
    }
}
