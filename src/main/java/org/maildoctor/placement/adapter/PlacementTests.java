package org.maildoctor.placement.adapter;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.maildoctor.dns.Resolver;
import org.maildoctor.placement.PlacementReport;
import org.maildoctor.placement.PlacementRunner;
import org.maildoctor.placement.PlacementToken;
import org.maildoctor.placement.Seed;
import org.maildoctor.placement.SeedProbe;
import org.maildoctor.placement.SeedRepository;
import org.maildoctor.verify.Sleeper;
import org.maildoctor.warmup.account.CredentialCipher;
import org.maildoctor.warmup.account.CredentialException;
import org.maildoctor.warmup.account.Secret;
import org.maildoctor.warmup.adapter.MailConnector;

/**
 * One placement test end to end, shared by the CLI and the web: seeds from the store with their
 * secrets opened only to connect, the stamped message submitted to all of them, the seeds polled.
 */
public final class PlacementTests {
    private final SeedRepository seeds;
    private final SeedProbe probe;
    private final SmtpSubmission submission;
    private final Clock clock;

    public PlacementTests(SeedRepository seeds, CredentialCipher cipher, Resolver resolver, boolean allowPrivate,
                          Duration timeout, Clock clock) {
        this.seeds = seeds;
        this.clock = clock;
        MailConnector connector = new MailConnector(resolver, allowPrivate, timeout);
        this.probe = new ImapSeedProbe(connector, s -> open(seeds, cipher, s));
        this.submission = new SmtpSubmission(connector);
    }

    private static Secret open(SeedRepository seeds, CredentialCipher cipher, Seed s) {
        String sealed = seeds.sealedSecret(s.address())
                .orElseThrow(() -> new CredentialException("seed " + s.address() + " has no stored credential"));
        return cipher.open(sealed, s.address());
    }

    public SeedRepository seeds() {
        return seeds;
    }

    public SeedProbe probe() {
        return probe;
    }

    /** Sends the message with our token header to every seed; returns the seeds the server refused. */
    public Map<String, String> send(SmtpSubmission.Settings settings, byte[] message, String token, List<Seed> to)
            throws SmtpSubmission.SubmissionFailed {
        return submission.send(settings, PlacementToken.stamp(message, token), to.stream().map(Seed::address).toList());
    }

    public PlacementReport poll(String token, List<Seed> to, Map<String, String> refused, Duration deadline,
                                Duration every, Consumer<PlacementReport> progress) throws InterruptedException {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            return new PlacementRunner(probe, clock, Sleeper.REAL, pool)
                    .run(token, to, refused, deadline, every, progress);
        }
    }
}
