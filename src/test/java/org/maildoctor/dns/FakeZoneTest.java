package org.maildoctor.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class FakeZoneTest {
    private final FakeZone zone = FakeZone.builder()
            .mx("good.test", 10, "mx.good.test")
            .a("mx.good.test", "127.0.0.1")
            .txt("sel1._domainkey.good.test", "v=DKIM1; ", "p=AAAA")
            .cname("alias.test", "alias2.test")
            .cname("alias2.test", "mx.good.test")
            .cname("loop1.test", "loop2.test")
            .cname("loop2.test", "loop1.test")
            .cname("dangling.test", "nowhere.test")
            .ptr(loopback(), "mx.good.test")
            .exists("empty.test")
            .nxdomain("gone.test")
            .servfail("broken.test")
            .timeout("slow.test", RecordType.TXT)
            .refused("outside.example")
            .unreachable("far.test")
            .build();

    private static InetAddress loopback() {
        return InetAddress.getLoopbackAddress();
    }

    @Test
    void answersNxdomainAndNodataLikeAServer() {
        assertThat(zone.lookupNow("good.test", RecordType.MX)).isInstanceOf(DnsResult.Answer.class);
        assertThat(zone.lookupNow("good.test", RecordType.A)).isInstanceOf(DnsResult.NoData.class);
        assertThat(zone.lookupNow("empty.test", RecordType.TXT)).isInstanceOf(DnsResult.NoData.class);
        assertThat(zone.lookupNow("gone.test", RecordType.A)).isInstanceOf(DnsResult.NxDomain.class);
        assertThat(zone.lookupNow("never-mentioned.test", RecordType.A)).isInstanceOf(DnsResult.NxDomain.class);
    }

    @Test
    void followsCnameChains() {
        DnsResult.Answer a = (DnsResult.Answer) zone.lookupNow("alias.test", RecordType.A);
        assertThat(a.cnameChain()).extracting(DnsRecord.Cname::target).containsExactly("alias2.test", "mx.good.test");
        assertThat(a.canonicalName()).isEqualTo("mx.good.test");
        assertThat(zone.lookupNow("alias.test", RecordType.CNAME).recordsOrEmpty()).hasSize(1);
        assertThat(zone.lookupNow("loop1.test", RecordType.A)).isInstanceOf(DnsResult.ServFail.class);
        assertThat(zone.lookupNow("dangling.test", RecordType.A)).isInstanceOf(DnsResult.NxDomain.class)
                .extracting(r -> ((DnsResult.NxDomain) r).cnameChain().size()).isEqualTo(1);
    }

    @Test
    void injectsFailuresPerNameOrPerType() {
        assertThat(zone.lookupNow("broken.test", RecordType.MX)).isInstanceOf(DnsResult.ServFail.class);
        assertThat(zone.lookupNow("slow.test", RecordType.TXT)).isInstanceOf(DnsResult.Timeout.class);
        assertThat(zone.lookupNow("slow.test", RecordType.A)).isInstanceOf(DnsResult.NxDomain.class);
        assertThat(zone.lookupNow("outside.example", RecordType.A)).isInstanceOf(DnsResult.Refused.class);
        assertThat(zone.lookupNow("far.test", RecordType.A)).isInstanceOf(DnsResult.Unreachable.class);
    }

    @Test
    void logsQueriesInOrder() {
        zone.clearQueries();
        zone.lookupNow("Good.Test.", RecordType.MX);
        zone.lookupPtr(loopback());
        assertThat(zone.queries()).extracting(Object::toString)
                .containsExactly("good.test/MX", "1.0.0.127.in-addr.arpa/PTR");
        assertThat(zone.queryCount("good.test", RecordType.MX)).isEqualTo(1);
    }

    @Test
    void multiStringTxtIsOneJoinedRecord() {
        DnsResult.Answer a = (DnsResult.Answer) zone.lookupNow("sel1._domainkey.good.test", RecordType.TXT);
        assertThat(a.records(DnsRecord.Txt.class)).singleElement()
                .satisfies(t -> assertThat(t.text()).isEqualTo("v=DKIM1; p=AAAA"));
    }
}
