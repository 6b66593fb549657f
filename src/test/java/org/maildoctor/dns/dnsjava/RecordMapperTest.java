package org.maildoctor.dns.dnsjava;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.maildoctor.dns.DnsRecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.TLSARecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

class RecordMapperTest {

    @Test
    void namesAreLowerCaseWithoutTrailingDotAndTheRootIsADot() throws Exception {
        assertThat(RecordMapper.name(Name.fromString("MX.Good.Test."))).isEqualTo("mx.good.test");
        assertThat(RecordMapper.name(Name.root)).isEqualTo(".");
        DnsRecord mx = RecordMapper.map(new MXRecord(Name.fromString("nullmx.test."), DClass.IN, 300, 0, Name.root))
                .orElseThrow();
        assertThat(mx).isInstanceOfSatisfying(DnsRecord.Mx.class, m -> assertThat(m.isNullMx()).isTrue());
    }

    @Test
    void txtKeepsTheStringsAndJoinsThem() throws Exception {
        DnsRecord txt = RecordMapper.map(new TXTRecord(Name.fromString("t.test."), DClass.IN, 60,
                List.of("v=spf1 ", "ip4:127.0.0.1 ", "-all"))).orElseThrow();
        assertThat(txt).isInstanceOfSatisfying(DnsRecord.Txt.class, t -> {
            assertThat(t.text()).isEqualTo("v=spf1 ip4:127.0.0.1 -all");
            assertThat(t.strings()).hasSize(3);
        });
    }

    @Test
    void anIpv4MappedAaaaStaysAnIpv6Address() throws Exception {
        // as parsed off the wire: 16 bytes of rdata, which InetAddress turns into an Inet4Address
        AAAARecord mapped = (AAAARecord) Record.fromString(Name.fromString("m.test."), Type.AAAA, DClass.IN, 60,
                "::ffff:127.0.0.1", Name.root);
        assertThat(mapped.getAddress()).as("the dnsjava behaviour this guards against").isNotInstanceOf(Inet6Address.class);
        assertThat(RecordMapper.map(mapped).orElseThrow())
                .isInstanceOfSatisfying(DnsRecord.Aaaa.class, a -> {
                    assertThat(a.address()).isInstanceOf(Inet6Address.class);
                    assertThat(a.address().getAddress()).hasSize(16).endsWith((byte) 127, (byte) 0, (byte) 0, (byte) 1);
                });
    }

    @Test
    void tlsaDataIsHexAndUnmodelledTypesAreSkipped() throws Exception {
        byte[] data = HexFormat.of().parseHex("00ff10");
        DnsRecord tlsa = RecordMapper.map(new TLSARecord(Name.fromString("_25._tcp.mx.test."), DClass.IN, 60, 3, 1, 1, data))
                .orElseThrow();
        assertThat(tlsa.value()).isEqualTo("3 1 1 00ff10");
        assertThat(RecordMapper.map(new SRVRecord(Name.fromString("_x._tcp.test."), DClass.IN, 60, 1, 1, 25,
                Name.fromString("mx.test.")))).isEmpty();
    }
}
