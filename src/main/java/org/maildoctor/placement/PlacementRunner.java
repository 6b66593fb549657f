package org.maildoctor.placement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.maildoctor.verify.Sleeper;

/**
 * The polling policy of a placement test: look into every seed still pending, all at once; a seed
 * is done when the message is found or when the seed cannot be read (a wrong password does not
 * heal within a test, and the other seeds must not wait on it); sleep; after the deadline one last
 * look, and whatever is still pending is missing. Time comes from the injected clock and sleeper.
 */
public final class PlacementRunner {
    private final SeedProbe probe;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Executor executor;

    public PlacementRunner(SeedProbe probe, Clock clock, Sleeper sleeper, Executor executor) {
        this.probe = probe;
        this.clock = clock;
        this.sleeper = sleeper;
        this.executor = executor;
    }

    /**
     * @param refused  seeds the message could not be sent to (address → reason): reported as errors, not polled
     * @param progress called with the partial report after each round
     */
    public PlacementReport run(String token, List<Seed> seeds, Map<String, String> refused, Duration deadline,
                               Duration every, Consumer<PlacementReport> progress) throws InterruptedException {
        if (deadline.isNegative() || every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("the deadline must not be negative and the poll interval must be positive");
        }
        Instant start = clock.instant();
        Instant end = start.plus(deadline);
        Map<String, SeedResult> done = new LinkedHashMap<>();
        List<Seed> pending = new ArrayList<>();
        for (Seed s : seeds) {
            String why = refused.get(s.address());
            if (why != null) {
                done.put(s.address(), SeedResult.failed(s, why));
            } else {
                pending.add(s);
            }
        }
        while (true) {
            lookOnce(token, pending, start, done);
            boolean over = !clock.instant().isBefore(end);
            if (pending.isEmpty() || over) {
                pending.forEach(s -> done.put(s.address(), SeedResult.missing(s)));
                return report(token, start, end, true, seeds, done);
            }
            progress.accept(report(token, start, end, false, seeds, done));
            Duration left = Duration.between(clock.instant(), end);
            sleeper.sleep(left.compareTo(every) < 0 ? left : every);
        }
    }

    private void lookOnce(String token, List<Seed> pending, Instant start, Map<String, SeedResult> done) {
        List<CompletableFuture<SeedProbe.Result>> looks = new ArrayList<>();
        for (Seed s : pending) {
            looks.add(CompletableFuture.supplyAsync(() -> probe.look(s, token), executor)
                    .exceptionally(e -> new SeedProbe.Failed(org.maildoctor.warmup.account.ConnectionStep.AUTH,
                            "unexpected failure: " + rootMessage(e))));
        }
        List<Seed> still = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            Seed s = pending.get(i);
            switch (looks.get(i).join()) {
                case SeedProbe.Found f -> done.put(s.address(), SeedResult.found(s, f,
                        Duration.between(start, clock.instant())));
                case SeedProbe.Failed f -> done.put(s.address(), SeedResult.failed(s, f.step().code() + ": " + f.reason()));
                case SeedProbe.NotFound n -> still.add(s);
            }
        }
        pending.clear();
        pending.addAll(still);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** Seeds in the order given; the pending ones as missing-so-far in a partial report. */
    private static PlacementReport report(String token, Instant start, Instant end, boolean finished, List<Seed> seeds,
                                          Map<String, SeedResult> done) {
        List<SeedResult> out = new ArrayList<>();
        for (Seed s : seeds) {
            out.add(done.getOrDefault(s.address(), SeedResult.missing(s)));
        }
        return new PlacementReport(token, start, end, finished, out);
    }
}
