package org.maildoctor.bench;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.maildoctor.verify.ProbeSession;
import org.maildoctor.verify.ProbeTransport;
import org.maildoctor.verify.Verdict;
import org.maildoctor.verify.Verification;
import org.maildoctor.verify.Verifier;
import org.maildoctor.verify.VerifyOptions;
import org.maildoctor.verify.adapter.SmtpProbeClient;
import org.maildoctor.verify.adapter.SmtpProbeConfig;

/**
 * Issue 6 part 6: addresses across 10 domains (80 % existing, 15 % unknown, 5 % catch-all), each
 * domain with its own MX host name, all reaching the harness Postfix through a {@link DelayingProxy}
 * that adds a delay each way. Measures, in one run and at the same concurrency, maildoctor's
 * session reuse ({@link Verifier#verifyAll}) and one connection per address (connect, EHLO, MAIL
 * FROM, one RCPT, QUIT: how check-if-email-exists and AfterShip's email-verifier probe).
 *
 * <p>Args: postfixPort proxyPort reuseCount singleCount delayMs perHost. Mailboxes:
 * {@code u<i>@bench<d>.test} for i below 10,000 exist (bench/verify-postfix.sh adds them).
 */
public final class VerifyThroughput {
    public static void main(String[] args) throws Exception {
        int postfixPort = Integer.parseInt(args[0]);
        int proxyPort = Integer.parseInt(args[1]);
        int reuseCount = Integer.parseInt(args[2]);
        int singleCount = Integer.parseInt(args[3]);
        long delayMs = Long.parseLong(args[4]);
        int perHost = Integer.parseInt(args[5]);
        int domains = 10;
        int concurrency = perHost * domains;

        MapZone zone = new MapZone();
        for (int d = 0; d < domains; d++) {
            zone.mx("bench" + d + ".test", 10, "mx.bench" + d + ".test").a("mx.bench" + d + ".test", "127.0.0.1");
        }
        SmtpProbeConfig cfg = new SmtpProbeConfig(proxyPort, "bench.maildoctor.test", "probe@good.test",
                Duration.ofSeconds(10), Duration.ofSeconds(10), true);
        try (DelayingProxy proxy = new DelayingProxy(InetAddress.getLoopbackAddress(), proxyPort,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), postfixPort), delayMs)) {
            System.out.printf("delay %d ms each way, %d domains, %d sessions at once (%d per MX host)%n",
                    delayMs, domains, concurrency, perHost);
            List<String> warm = addresses(2_000, domains, new Random(7), 900_000);
            run("warm-up", zone, cfg, warm, perHost, concurrency);
            List<String> reuse = addresses(reuseCount, domains, new Random(1), 0);
            double reuseRate = run("session reuse", zone, cfg, reuse, perHost, concurrency);
            List<String> single = addresses(singleCount, domains, new Random(2), 500_000);
            double singleRate = oneConnectionPerAddress(cfg, single, concurrency);
            System.out.printf("RATIO session reuse / one connection per address = %.1fx%n", reuseRate / singleRate);
        }
    }

    /** Unique addresses: 80 % u<i> that exist, 15 % unknown, 5 % at the catch-all domain bench9. */
    static List<String> addresses(int n, int domains, Random random, int offset) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int k = offset + i;
            int pick = random.nextInt(100);
            if (pick < 5) {
                out.add("anyone" + k + "@bench9.test");
            } else if (pick < 20) {
                out.add("nobody" + k + "@bench" + random.nextInt(domains - 1) + ".test");
            } else {
                out.add("u" + (k % 10_000) + "x" + (k / 10_000 % 10) + "@bench" + random.nextInt(domains - 1) + ".test");
            }
        }
        Collections.shuffle(out, random);
        return out;
    }

    private static double run(String label, MapZone zone, SmtpProbeConfig cfg, List<String> addresses, int perHost,
                              int concurrency) {
        Verifier v = Verifier.create(zone, new SmtpProbeClient(cfg), VerifyOptions.defaults().withAllowPrivate(true)
                .withGreylistDelays(List.of()).withConcurrency(perHost, concurrency)
                // the benchmark measures the engine; the politeness limits would cap it by design
                .withRateLimits(org.maildoctor.verify.RateLimits.NONE));
        long start = System.nanoTime();
        List<Verification> results = v.verifyAll(addresses);
        double secs = (System.nanoTime() - start) / 1e9;
        Map<String, Long> counts = new java.util.TreeMap<>();
        results.forEach(r -> counts.merge(r.verdict().code() + "/" + r.reason().code(), 1L, Long::sum));
        results.stream().filter(r -> r.verdict() == Verdict.UNKNOWN).findFirst()
                .ifPresent(r -> System.out.println("  e.g. unknown: " + r.address() + " " + r.subReason().orElse("")));
        double rate = addresses.size() / secs;
        System.out.printf("%-16s %,8d addresses in %7.2f s = %,8.0f addresses/s  %s%n", label, addresses.size(), secs,
                rate, counts);
        return rate;
    }

    private static double oneConnectionPerAddress(SmtpProbeConfig cfg, List<String> addresses, int concurrency)
            throws Exception {
        SmtpProbeClient client = new SmtpProbeClient(cfg);
        InetAddress mx = InetAddress.getLoopbackAddress();
        Semaphore slots = new Semaphore(concurrency);
        AtomicLong accepted = new AtomicLong();
        AtomicLong other = new AtomicLong();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String a : addresses) {
                slots.acquire();
                pool.submit(() -> {
                    try {
                        ProbeTransport.Opened o = client.open("mx." + a.substring(a.indexOf('@') + 1), mx);
                        if (o instanceof ProbeTransport.Opened.Ready r) {
                            try (ProbeSession s = r.session()) {
                                ProbeSession.Step step = s.rcpt(a);
                                if (step instanceof ProbeSession.Step.Reply rep
                                        && rep.reply().replyCode().map(c -> c.value() == 250).orElse(false)) {
                                    accepted.incrementAndGet();
                                } else {
                                    other.incrementAndGet();
                                }
                            }
                        } else {
                            other.incrementAndGet();
                        }
                    } finally {
                        slots.release();
                    }
                });
            }
        }
        double secs = (System.nanoTime() - start) / 1e9;
        double rate = addresses.size() / secs;
        System.out.printf("%-16s %,8d addresses in %7.2f s = %,8.0f addresses/s  {accepted=%d, other=%d}%n",
                "one conn/address", addresses.size(), secs, rate, accepted.get(), other.get());
        return rate;
    }
}
