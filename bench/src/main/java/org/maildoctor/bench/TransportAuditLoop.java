package org.maildoctor.bench;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.maildoctor.audit.AddressPolicy;
import org.maildoctor.audit.AuditRequest;
import org.maildoctor.audit.Audits;
import org.maildoctor.audit.TransportProbes;
import org.maildoctor.dns.Resolver;
import org.maildoctor.dns.dnsjava.Resolvers;
import org.maildoctor.transport.adapter.SocketHttpsGet;
import org.maildoctor.transport.adapter.SocketStarttlsProbe;
import org.maildoctor.transport.adapter.TrustAnchors;

/**
 * Wall time of one domain audit of good.test against a running harness, in one warm JVM, with a fresh
 * (uncached) resolver per audit: the DNS-only sections, all sections, and all sections plus STARTTLS.
 * Args: the harness state dir (default /tmp/mail-harness), rounds (default 30).
 */
public final class TransportAuditLoop {
    public static void main(String[] args) throws Exception {
        Path state = Path.of(args.length > 0 ? args[0] : "/tmp/mail-harness");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Properties env = new Properties();
        try (var r = Files.newBufferedReader(state.resolve("harness.env"))) {
            env.load(r);
        }
        int dns = Integer.parseInt(env.getProperty("MAIL_HARNESS_DNS_PORT"));
        int https = Integer.parseInt(env.getProperty("MAIL_HARNESS_HTTPS_PORT"));
        int smtp = Integer.parseInt(env.getProperty("MAIL_HARNESS_SMTP_PORT"));
        TrustAnchors trust = TrustAnchors.fromPemFile(Path.of(env.getProperty("MAIL_HARNESS_CA_FILE")));
        Duration timeout = Duration.ofSeconds(5);
        AuditRequest request = new AuditRequest("good.test", List.of(), List.of("sel1"));
        for (String mode : List.of("dns-only", "all", "all+smtp")) {
            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < rounds + 5; i++) {
                Resolver resolver = Resolvers.cached(Optional.of(new InetSocketAddress("127.0.0.1", dns)), timeout, 1);
                TransportProbes probes = new TransportProbes(new SocketHttpsGet(timeout, trust), https,
                        mode.equals("all+smtp") ? Optional.of(new SocketStarttlsProbe(timeout, trust, "bench.invalid"))
                                : Optional.empty(), smtp, Clock.systemUTC());
                var audit = mode.equals("dns-only") ? Audits.standard(resolver, AddressPolicy.ALLOW_PRIVATE)
                        : Audits.standard(resolver, AddressPolicy.ALLOW_PRIVATE, probes);
                long t0 = System.nanoTime();
                audit.audit(request).join();
                if (i >= 5) { // the first rounds warm up class loading and JIT
                    micros.add((System.nanoTime() - t0) / 1000);
                }
            }
            micros.sort(null);
            System.out.printf("audit good.test %-9s median %6.1f ms  p90 %6.1f ms  (%d rounds)%n", mode,
                    micros.get(micros.size() / 2) / 1000.0, micros.get(micros.size() * 9 / 10) / 1000.0, rounds);
        }
    }
}
