package org.maildoctor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.maildoctor.dns.DnsRecord;
import org.maildoctor.dns.DnsResult;
import org.maildoctor.dns.RecordType;
import org.maildoctor.dns.Resolver;
import org.maildoctor.dns.dnsjava.Resolvers;
import org.maildoctor.testing.DelayingDnsProxy;
import org.maildoctor.testing.Harness;

/**
 * The audit's DNS queries follow their dependency graph concurrently: with every answer delayed
 * by 50 ms, a full audit of good.test takes about (longest dependency chain K) × 50 ms, not
 * (number of queries) × 50 ms. Wide margin: K + 3 rounds.
 */
class AuditLatencyIT {
    private static final Duration DELAY = Duration.ofMillis(50);
    private static final Pattern TERM = Pattern.compile("(?:^|\\s)[+?~-]?(include:|redirect=|mx|a)(\\S*)");

    private final InetSocketAddress knot = new InetSocketAddress("127.0.0.1", Harness.dnsPort());
    private final Resolver direct = Resolvers.create(Optional.of(knot), Duration.ofSeconds(3), 1);

    @Test
    void fullAuditTakesTheLongestChainNotTheSumOfQueries() throws Exception {
        int k = longestChain("good.test");
        assertThat(k).as("K from the zone").isGreaterThanOrEqualTo(2);
        AuditRequest request = new AuditRequest("good.test", List.of(InetAddress.getByName("127.0.0.1")), List.of("sel1"));

        // load and link the audit's classes first: this test is about DNS round trips, not class loading
        Audits.standard(direct, AddressPolicy.ALLOW_PRIVATE).audit(request).join();

        try (DelayingDnsProxy proxy = new DelayingDnsProxy(knot, DELAY)) {
            Resolver slow = Resolvers.cached(Optional.of(proxy.address()), Duration.ofSeconds(3), 1);
            DomainAudit audit = Audits.standard(slow, AddressPolicy.ALLOW_PRIVATE);
            long t0 = System.nanoTime();
            AuditReport report = audit.audit(request).join();
            Duration took = Duration.ofNanos(System.nanoTime() - t0);

            Duration bound = DELAY.multipliedBy(k + 3);
            Duration sequential = DELAY.multipliedBy(proxy.queries());
            System.out.printf("audit of good.test: K=%d, %d queries, took %d ms; bound %d ms; sequential would be %d ms%n",
                    k, proxy.queries(), took.toMillis(), bound.toMillis(), sequential.toMillis());
            assertThat(report.worst()).isEqualTo(CheckStatus.PASS);
            assertThat(sequential).as("the test means something only if sequential is far slower").isGreaterThan(bound.multipliedBy(3));
            assertThat(took).isLessThan(bound);
        }
    }

    /**
     * K computed from the zone: the longest chain of queries where each needs the previous answer.
     * SPF: TXT, then per include/redirect the target's chain, per mx term MX then A, per a term A.
     * DMARC: the RFC 9989 tree walk, one query per label up to the top. MX: MX then A/AAAA.
     * Reverse DNS: PTR then A. DKIM: the selector TXT lookups are independent (1).
     */
    private int longestChain(String domain) {
        int spf = spfChain(domain, 0);
        int dmarc = domain.split("\\.").length;
        int mx = 2;
        int rdns = 2;
        int dkim = 1;
        return Math.max(Math.max(spf, dmarc), Math.max(Math.max(mx, rdns), dkim));
    }

    private int spfChain(String domain, int depth) {
        if (depth > 10) {
            return 0;
        }
        DnsResult r = direct.lookupNow(domain, RecordType.TXT);
        String record = r.recordsOrEmpty().stream().filter(DnsRecord.Txt.class::isInstance).map(DnsRecord.Txt.class::cast)
                .map(DnsRecord.Txt::text).filter(t -> t.toLowerCase().startsWith("v=spf1")).findFirst().orElse(null);
        if (record == null) {
            return 1;
        }
        int below = 0;
        Matcher m = TERM.matcher(record);
        while (m.find()) {
            String kind = m.group(1);
            String arg = m.group(2);
            if (kind.equals("include:") || kind.equals("redirect=")) {
                below = Math.max(below, spfChain(arg, depth + 1));
            } else if (kind.equals("mx") && (arg.isEmpty() || arg.startsWith(":") || arg.startsWith("/"))) {
                below = Math.max(below, 2);
            } else if (kind.equals("a") && (arg.isEmpty() || arg.startsWith(":") || arg.startsWith("/"))) {
                below = Math.max(below, 1);
            }
        }
        return 1 + below;
    }
}
