package org.maildoctor.dns.dnsjava;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.maildoctor.dns.DnsRecord;
import org.maildoctor.dns.DnsResult;
import org.maildoctor.dns.RecordType;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/** Outcome mapping of the wire resolver against a scripted loopback server (no harness needed). */
class DnsjavaResolverTest {

    private static Name n(String s) throws Exception {
        return Name.fromString(s);
    }

    private static DnsjavaResolver resolver(ScriptedDnsServer server, Duration timeout, int retries) {
        return new DnsjavaResolver(server.address(), timeout, retries);
    }

    @Test
    void rcodesBecomeOutcomes() throws Exception {
        try (ScriptedDnsServer server = new ScriptedDnsServer(q -> {
            String name = q.getQuestion().getName().toString();
            return switch (name) {
                case "nx.test." -> ScriptedDnsServer.reply(q, Rcode.NXDOMAIN);
                case "sf.test." -> ScriptedDnsServer.reply(q, Rcode.SERVFAIL);
                case "ref.test." -> ScriptedDnsServer.reply(q, Rcode.REFUSED);
                case "fe.test." -> ScriptedDnsServer.reply(q, Rcode.FORMERR);
                default -> ScriptedDnsServer.reply(q, Rcode.NOERROR);
            };
        })) {
            DnsjavaResolver r = resolver(server, Duration.ofSeconds(2), 0);
            assertThat(r.lookupNow("nx.test", RecordType.A)).isInstanceOf(DnsResult.NxDomain.class);
            assertThat(r.lookupNow("sf.test", RecordType.A)).isInstanceOf(DnsResult.ServFail.class);
            assertThat(r.lookupNow("ref.test", RecordType.A)).isInstanceOf(DnsResult.Refused.class);
            assertThat(r.lookupNow("fe.test", RecordType.A)).isInstanceOfSatisfying(DnsResult.ServFail.class,
                    s -> assertThat(s.detail()).contains("FORMERR"));
            assertThat(r.lookupNow("empty.test", RecordType.A)).isInstanceOf(DnsResult.NoData.class);
        }
    }

    @Test
    void answersAreTypedAndTheSoaOfANegativeAnswerIsKept() throws Exception {
        try (ScriptedDnsServer server = new ScriptedDnsServer(q -> {
            try {
                Name qn = q.getQuestion().getName();
                if (q.getQuestion().getType() == Type.TXT) {
                    Message m = ScriptedDnsServer.reply(q, Rcode.NOERROR);
                    m.addRecord(new TXTRecord(qn, DClass.IN, 120, java.util.List.of("v=DKIM1; ", "p=ABC")), Section.ANSWER);
                    m.getHeader().setFlag(Flags.AD);
                    return m;
                }
                Message m = ScriptedDnsServer.reply(q, Rcode.NXDOMAIN);
                m.addRecord(new SOARecord(n("test."), DClass.IN, 60, n("ns.test."), n("h.test."), 1, 2, 3, 4, 30),
                        Section.AUTHORITY);
                return m;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })) {
            DnsjavaResolver r = resolver(server, Duration.ofSeconds(2), 0);
            DnsResult txt = r.lookupNow("Sel1._DomainKey.test", RecordType.TXT);
            assertThat(txt).isInstanceOfSatisfying(DnsResult.Answer.class, a -> {
                assertThat(a.authenticData()).isTrue();
                DnsRecord.Txt t = a.records(DnsRecord.Txt.class).getFirst();
                assertThat(t.text()).isEqualTo("v=DKIM1; p=ABC");
                assertThat(t.strings()).containsExactly("v=DKIM1; ", "p=ABC");
                assertThat(t.name()).isEqualTo("sel1._domainkey.test");
                assertThat(t.ttl()).isEqualTo(120);
            });
            assertThat(r.lookupNow("gone.test", RecordType.A)).isInstanceOfSatisfying(DnsResult.NxDomain.class,
                    nx -> assertThat(nx.soa()).hasValueSatisfying(s -> assertThat(s.negativeTtl()).isEqualTo(30)));
            assertThat(server.queries.getFirst().getHeader().getFlag(Flags.AD)).as("AD asked for (RFC 6840 5.7)").isTrue();
        }
    }

    @Test
    void followsACnameTheServerDidNotResolve() throws Exception {
        try (ScriptedDnsServer server = new ScriptedDnsServer(q -> {
            try {
                Name qn = q.getQuestion().getName();
                Message m = ScriptedDnsServer.reply(q, Rcode.NOERROR);
                switch (qn.toString()) {
                    case "alias.one." -> m.addRecord(new CNAMERecord(qn, DClass.IN, 300, n("real.two.")), Section.ANSWER);
                    case "real.two." -> m.addRecord(new ARecord(qn, DClass.IN, 300,
                            InetAddress.getByName("127.0.0.7")), Section.ANSWER);
                    case "loop.one." -> m.addRecord(new CNAMERecord(qn, DClass.IN, 300, n("loop.two.")), Section.ANSWER);
                    case "loop.two." -> m.addRecord(new CNAMERecord(qn, DClass.IN, 300, n("loop.one.")), Section.ANSWER);
                    default -> m.getHeader().setRcode(Rcode.NXDOMAIN);
                }
                return m;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })) {
            DnsjavaResolver r = resolver(server, Duration.ofSeconds(2), 0);
            assertThat(r.lookupNow("alias.one", RecordType.A)).isInstanceOfSatisfying(DnsResult.Answer.class, a -> {
                assertThat(a.cnameChain()).extracting(DnsRecord.Cname::target).containsExactly("real.two");
                assertThat(a.records()).extracting(DnsRecord::value).containsExactly("127.0.0.7");
                assertThat(a.authenticData()).isFalse();
            });
            assertThat(r.lookupNow("alias.one", RecordType.CNAME)).isInstanceOf(DnsResult.Answer.class);
            assertThat(r.lookupNow("loop.one", RecordType.A)).isInstanceOfSatisfying(DnsResult.ServFail.class,
                    s -> assertThat(s.detail()).contains("CNAME loop"));
        }
    }

    @Test
    void aSilentServerTimesOutWithinTheBudgetAfterRetrying() throws Exception {
        try (ScriptedDnsServer server = new ScriptedDnsServer(q -> null)) {
            DnsjavaResolver r = resolver(server, Duration.ofMillis(900), 2);
            long t0 = System.nanoTime();
            DnsResult result = r.lookupNow("good.test", RecordType.MX);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(result).isInstanceOfSatisfying(DnsResult.Timeout.class,
                    t -> assertThat(t.describe()).startsWith("timeout after 900ms waiting for 127.0.0.1:"));
            assertThat(ms).isBetween(800L, 2500L);
            Thread.sleep(50);
            assertThat(server.queries).as("three attempts").hasSize(3);
        }
    }

    @Test
    void aLostPacketIsRetried() throws Exception {
        AtomicInteger seen = new AtomicInteger();
        try (ScriptedDnsServer server = new ScriptedDnsServer(q ->
                seen.incrementAndGet() == 1 ? null : ScriptedDnsServer.reply(q, Rcode.NXDOMAIN))) {
            DnsjavaResolver r = resolver(server, Duration.ofSeconds(2), 1);
            assertThat(r.lookupNow("x.test", RecordType.A)).isInstanceOf(DnsResult.NxDomain.class);
            assertThat(seen.get()).isEqualTo(2);
        }
    }

    @Test
    void aTruncatedUdpReplyIsRetriedOverTcp() throws Exception {
        try (ScriptedDnsServer server = ScriptedDnsServer.withTcp((q, tcp) -> {
            Message m = ScriptedDnsServer.reply(q, Rcode.NOERROR);
            if (!tcp) {
                m.getHeader().setFlag(Flags.TC); // "too big for UDP": the client must ask again over TCP
                return m;
            }
            try {
                m.addRecord(new TXTRecord(q.getQuestion().getName(), DClass.IN, 300, "over tcp"), Section.ANSWER);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return m;
        })) {
            DnsResult r = resolver(server, Duration.ofSeconds(2), 0).lookupNow("big.test", RecordType.TXT);
            assertThat(r.recordsOrEmpty()).extracting(DnsRecord::value).containsExactly("\"over tcp\"");
            assertThat(server.queries).hasSize(1);
            assertThat(server.tcpQueries).hasSize(1);
        }
    }

    @Test
    void repliesAreHandledEvenWhenTheCommonPoolIsBlocked() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ForkJoinPool pool = java.util.concurrent.ForkJoinPool.commonPool();
        for (int i = 0; i < pool.getParallelism(); i++) {
            pool.execute(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        try (ScriptedDnsServer server = new ScriptedDnsServer(q -> ScriptedDnsServer.reply(q, Rcode.NXDOMAIN))) {
            assertThat(resolver(server, Duration.ofSeconds(2), 0).lookupNow("x.test", RecordType.A))
                    .isInstanceOf(DnsResult.NxDomain.class);
        } finally {
            release.countDown();
        }
    }

    @Test
    void aClosedPortIsUnreachableAtOnce() throws Exception {
        int port;
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            port = s.getLocalPort(); // closed again when this block ends
        }
        DnsjavaResolver r = new DnsjavaResolver(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                Duration.ofSeconds(3), 1);
        long t0 = System.nanoTime();
        DnsResult result = r.lookupNow("good.test", RecordType.A);
        assertThat(result).isInstanceOfSatisfying(DnsResult.Unreachable.class,
                u -> assertThat(u.describe()).contains("ICMP port unreachable"));
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(1500);
    }
}
