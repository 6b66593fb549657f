package org.maildoctor.dns.dnsjava;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.maildoctor.dns.CachingResolver;
import org.maildoctor.dns.CountingResolver;
import org.maildoctor.dns.DnsRecord;
import org.maildoctor.dns.DnsResult;
import org.maildoctor.dns.RecordType;
import org.maildoctor.dns.Resolver;
import org.maildoctor.testing.Harness;

/** The wire resolver against the harness's real Knot DNS (zones in test-harness/dns). */
class DnsjavaResolverIT {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private final DnsjavaResolver dns = new DnsjavaResolver(
            new InetSocketAddress(LOOPBACK, Harness.dnsPort()), Duration.ofSeconds(3), 1);

    private DnsResult.Answer answer(String name, RecordType type) {
        DnsResult r = dns.lookupNow(name, type);
        assertThat(r).as(name + "/" + type).isInstanceOf(DnsResult.Answer.class);
        return (DnsResult.Answer) r;
    }

    @Test
    void mx() {
        assertThat(answer("good.test", RecordType.MX).records(DnsRecord.Mx.class))
                .singleElement()
                .satisfies(mx -> {
                    assertThat(mx.preference()).isEqualTo(10);
                    assertThat(mx.exchange()).isEqualTo("mx.good.test");
                    assertThat(mx.ttl()).isEqualTo(300);
                });
        assertThat(answer("nullmx.test", RecordType.MX).records(DnsRecord.Mx.class).getFirst().isNullMx()).isTrue();
    }

    @Test
    void spfTxtAndMultiStringDkimTxt() {
        assertThat(answer("good.test", RecordType.TXT).records(DnsRecord.Txt.class))
                .extracting(DnsRecord.Txt::text).containsExactly("v=spf1 mx ip4:127.0.0.1 -all");
        DnsRecord.Txt dkim = answer("sel1._domainkey.good.test", RecordType.TXT)
                .records(DnsRecord.Txt.class).getFirst();
        assertThat(dkim.strings()).hasSize(3);
        assertThat(dkim.text())
                .startsWith("v=DKIM1; h=sha256; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA")
                .contains("a31E51lIpkKRsfHL6fUNtasg8") // the seam between strings 2 and 3
                .endsWith("mwqMbXaFwIDAQAB")
                .doesNotContain("\"");
    }

    @Test
    void ptrOfLoopback() throws Exception {
        DnsResult r = dns.lookupPtr(InetAddress.getByName("127.0.0.1")).join();
        assertThat(r.name()).isEqualTo("1.0.0.127.in-addr.arpa");
        assertThat(r.recordsOrEmpty()).extracting(DnsRecord::value).containsExactly("mx.good.test.");
        assertThat(dns.lookupPtr(InetAddress.getByName("127.0.0.5")).join()).isInstanceOf(DnsResult.NxDomain.class);
    }

    @Test
    void followsCnamesAcrossZones() {
        DnsResult.Answer a = answer("mxalias.broken.test", RecordType.A);
        assertThat(a.cnameChain()).extracting(DnsRecord.Cname::target).containsExactly("mx.good.test");
        assertThat(a.records()).extracting(DnsRecord::value).containsExactly("127.0.0.1");
        assertThat(a.records().getFirst().name()).isEqualTo("mx.good.test");
        // asking for the CNAME itself does not follow it
        assertThat(answer("mxalias.broken.test", RecordType.CNAME).records()).hasSize(1);
    }

    @Test
    void longerChainDanglingTargetAndLoop() {
        assertThat(answer("c1.dnstest.test", RecordType.A).cnameChain()).extracting(DnsRecord.Cname::target)
                .containsExactly("c2.dnstest.test", "mxalias.broken.test", "mx.good.test");
        assertThat(dns.lookupNow("dangling.dnstest.test", RecordType.A))
                .isInstanceOfSatisfying(DnsResult.NxDomain.class, nx -> assertThat(nx.cnameChain()).hasSize(1));
        assertThat(dns.lookupNow("loop1.dnstest.test", RecordType.A))
                .isInstanceOfSatisfying(DnsResult.ServFail.class, s -> assertThat(s.detail()).contains("CNAME loop"));
    }

    @Test
    void nxdomainAndNodataAreDifferentAndCarryTheSoa() {
        assertThat(dns.lookupNow("nosuchname.good.test", RecordType.A))
                .isInstanceOfSatisfying(DnsResult.NxDomain.class, nx -> {
                    assertThat(nx.describe()).isEqualTo("NXDOMAIN: nosuchname.good.test does not exist");
                    assertThat(nx.soa()).hasValueSatisfying(s -> assertThat(s.minimum()).isEqualTo(300));
                });
        assertThat(dns.lookupNow("good.test", RecordType.AAAA)).isInstanceOf(DnsResult.NoData.class);
        assertThat(dns.lookupNow("empty.dnstest.test", RecordType.A))
                .isInstanceOfSatisfying(DnsResult.NoData.class,
                        nd -> assertThat(nd.soa()).hasValueSatisfying(s -> assertThat(s.negativeTtl()).isEqualTo(60)));
    }

    @Test
    void refusedOutsideTheServedZonesAndServfailForAnUnloadedZone() {
        assertThat(dns.lookupNow("outside.example", RecordType.A)).isInstanceOf(DnsResult.Refused.class);
        assertThat(dns.lookupNow("x.servfail.test", RecordType.A)).isInstanceOf(DnsResult.ServFail.class);
    }

    @Test
    void tlsaAndAaaa() {
        assertThat(answer("_25._tcp.mx.dnstest.test", RecordType.TLSA).records(DnsRecord.Tlsa.class))
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.usage()).isEqualTo(3);
                    assertThat(t.selector()).isEqualTo(1);
                    assertThat(t.matchingType()).isEqualTo(1);
                    assertThat(t.dataHex()).hasSize(64).isEqualTo(t.dataHex().toLowerCase());
                });
        assertThat(answer("v6.dnstest.test", RecordType.AAAA).records()).extracting(DnsRecord::value)
                .containsExactly("0:0:0:0:0:0:0:1");
    }

    @Test
    void aTruncatedUdpAnswerIsRetriedOverTcp() {
        DnsResult.Answer a = answer("big.dnstest.test", RecordType.TXT);
        DnsRecord.Txt big = a.records(DnsRecord.Txt.class).getFirst();
        // more than any UDP reply of ours may carry (EDNS payload 1232): only TCP can have delivered it
        assertThat(big.text().length()).isGreaterThan(DnsjavaResolver.EDNS_UDP_PAYLOAD * 3);
        assertThat(big.strings()).hasSize(20);
        assertThat(big.strings().getLast()).startsWith("chunk19-");
    }

    @Test
    void idnNamesAreSentAsALabels() {
        DnsResult.Answer idn = answer("Bücher.DNStest.test", RecordType.A);
        assertThat(idn.name()).isEqualTo("xn--bcher-kva.dnstest.test");
        assertThat(idn.records()).extracting(DnsRecord::value).containsExactly("127.0.0.9");
        assertThat(dns.lookupNow("bücher.good.test", RecordType.A))
                .isInstanceOfSatisfying(DnsResult.NxDomain.class,
                        nx -> assertThat(nx.name()).isEqualTo("xn--bcher-kva.good.test"));
    }

    @Test
    void aServerThatNeverAnswersTimesOutNearTheBudget() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            DnsjavaResolver r = new DnsjavaResolver((InetSocketAddress) silent.getLocalSocketAddress(),
                    Duration.ofSeconds(1), 1);
            long t0 = System.nanoTime();
            DnsResult result = r.lookupNow("good.test", RecordType.MX);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(result).isInstanceOf(DnsResult.Timeout.class);
            assertThat(ms).isBetween(900L, 3000L);
        }
    }

    @Test
    void aClosedPortIsUnreachable() throws Exception {
        int port;
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            port = s.getLocalPort();
        }
        DnsResult r = new DnsjavaResolver(new InetSocketAddress(LOOPBACK, port), Duration.ofSeconds(2), 1)
                .lookupNow("good.test", RecordType.A);
        assertThat(r).isInstanceOfSatisfying(DnsResult.Unreachable.class,
                u -> assertThat(u.reason()).contains("ICMP port unreachable"));
    }

    @Test
    void theCacheAnswersRepeatsWithoutAQuery() {
        CountingResolver wire = new CountingResolver(dns);
        Resolver cached = new CachingResolver(wire);
        cached.lookupNow("good.test", RecordType.MX);
        cached.lookupNow("GOOD.TEST.", RecordType.MX);
        cached.lookupNow("nosuchname.good.test", RecordType.A);
        cached.lookupNow("nosuchname.good.test", RecordType.A);
        assertThat(wire.count()).isEqualTo(2);
        assertThat(wire.voidCount()).isEqualTo(1);
    }
}
