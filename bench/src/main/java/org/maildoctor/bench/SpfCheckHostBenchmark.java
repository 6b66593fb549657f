package org.maildoctor.bench;

import java.net.InetAddress;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.maildoctor.auth.spf.SpfEvaluation;
import org.maildoctor.auth.spf.SpfResult;
import org.maildoctor.auth.spf.SpfVerifier;
import org.maildoctor.dns.CachingResolver;
import org.maildoctor.dns.DnsNames;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue 4 part 6: SPF {@code check_host()} with a warm cache on a realistic record (target
 * ≥ 500,000 evaluations/s on one core). The sender's record includes three provider-style records of
 * 5–10 ip4/ip6 ranges each and ends in {@code -all}; the client IP matches the LAST range of the
 * LAST include, so every range of every include is tested before the pass (the worst realistic path).
 * DNS is an in-memory zone behind the project's {@link CachingResolver}, warmed in setup, so what
 * is measured is parsing/evaluation plus cache hits, not a network.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SpfCheckHostBenchmark {
    static final String SENDER = "bounce@shop.example";

    SpfVerifier verifier;
    InetAddress client;

    /** The zone: shop.example → three includes; provider C's last ip4 range holds the client. */
    static MapZone zone() {
        return new MapZone()
                .txt("shop.example", "v=spf1 include:_spf.mailer-a.example include:_spf.mailer-b.example"
                        + " include:_spf.mailer-c.example -all")
                .txt("_spf.mailer-a.example", "v=spf1 ip4:198.51.100.0/26 ip4:198.51.100.64/26"
                        + " ip4:203.0.113.0/27 ip4:192.0.2.128/25 ip6:2001:db8:a::/48 ip6:2001:db8:a1::/48 ~all")
                .txt("_spf.mailer-b.example", "v=spf1 ip4:100.64.0.0/20 ip4:100.64.16.0/20 ip4:100.64.32.0/21"
                        + " ip4:100.64.40.0/22 ip4:100.64.44.0/24 ip6:2001:db8:b::/44 ip6:2001:db8:b0::/44"
                        + " ip6:2001:db8:b1::/48 ~all")
                .txt("_spf.mailer-c.example", "v=spf1 ip6:2001:db8:c::/40 ip6:2001:db8:c1::/48 ip4:10.20.0.0/16"
                        + " ip4:10.21.0.0/16 ip4:10.22.0.0/16 ip4:10.23.0.0/17 ip4:10.23.128.0/18"
                        + " ip4:10.24.0.0/24 ip4:172.16.32.0/19 ~all");
    }

    @Setup
    public void setUp() {
        CachingResolver cache = new CachingResolver(zone());
        verifier = SpfVerifier.using(cache, Clock.systemUTC());
        client = DnsNames.parseIpLiteral("172.16.40.7").orElseThrow();
        SpfEvaluation first = verifier.checkMailFrom(client, SENDER, "mta1.mailer-c.example"); // warms the cache
        if (first.result() != SpfResult.PASS) {
            throw new IllegalStateException("benchmark zone is wrong: " + first);
        }
    }

    @Benchmark
    public SpfEvaluation checkHostWarmCache() {
        return verifier.checkMailFrom(client, SENDER, "mta1.mailer-c.example");
    }
}
