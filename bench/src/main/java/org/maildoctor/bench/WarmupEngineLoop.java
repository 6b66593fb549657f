package org.maildoctor.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.maildoctor.store.Store;
import org.maildoctor.store.StoreConfig;
import org.maildoctor.store.jobs.JobScheduler;
import org.maildoctor.store.jobs.JobSchedulerConfig;
import org.maildoctor.warmup.MailboxProvider;
import org.maildoctor.warmup.Planner;
import org.maildoctor.warmup.RampRequest;
import org.maildoctor.warmup.account.AccountRepository;
import org.maildoctor.warmup.account.AuthKind;
import org.maildoctor.warmup.account.CredentialCipher;
import org.maildoctor.warmup.account.Credentials;
import org.maildoctor.warmup.account.Endpoint;
import org.maildoctor.warmup.account.Secret;
import org.maildoctor.warmup.account.TlsMode;
import org.maildoctor.warmup.adapter.ImapDeliveryProbe;
import org.maildoctor.warmup.adapter.ImapEngager;
import org.maildoctor.warmup.adapter.MailConnector;
import org.maildoctor.warmup.adapter.SmtpOutbox;
import org.maildoctor.warmup.engine.ComposerNetwork;
import org.maildoctor.warmup.engine.EngineSettings;
import org.maildoctor.warmup.engine.Outbox;
import org.maildoctor.warmup.engine.SendLimits;
import org.maildoctor.warmup.engine.SendThrottle;
import org.maildoctor.warmup.engine.WarmupEngine;
import org.maildoctor.warmup.engine.jobs.WarmupJobs;
import org.maildoctor.warmup.jdbc.JdbcAccountRepository;
import org.maildoctor.warmup.jdbc.JdbcRampRepository;
import org.maildoctor.warmup.jdbc.JdbcSendLedger;
import org.maildoctor.warmup.jdbc.JdbcStatsRepository;
import org.maildoctor.warmup.network.MessageComposer;

/**
 * Issue 8 part 8: one node drives the send/engage loop for N mailboxes (default 1,000) on GreenMail
 * in real time. Every mailbox is enrolled with {@code start} messages today, sent within a business
 * window of {@code window} minutes that opens a minute after start, and engaged every
 * {@code engage} minutes. The scheduler keeps up when each send is claimed close to its planned
 * time: the lag (claimed_at − due_at from the ledger) is reported as percentiles, with the engagement
 * passes run against those due.
 * Args: mailboxes [1000] start [3] window-minutes [5] engage-minutes [5] threads [8] [jdbc-url].
 */
public final class WarmupEngineLoop {
    public static void main(String[] args) throws Exception {
        int mailboxes = arg(args, 0, 1000);
        int start = arg(args, 1, 3);
        int window = arg(args, 2, 5);
        int engageMinutes = arg(args, 3, 5);
        int threads = arg(args, 4, 8);
        String url = args.length > 5 ? args[5] : null;
        Clock clock = Clock.systemUTC();
        GreenMail mail = new GreenMail(new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()});
        mail.start();
        Path dir = Files.createTempDirectory("md-bench-engine");
        byte[] key = new byte[CredentialCipher.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        CredentialCipher cipher = new CredentialCipher(key, new SecureRandom());
        String[] domains = {"alpha.test", "bravo.test", "charlie.test", "delta.test", "echo.test"};
        Instant now = clock.instant();
        LocalTime open = LocalTime.ofInstant(now.plus(Duration.ofMinutes(1)), ZoneOffset.UTC);
        if (open.isAfter(LocalTime.of(23, 59 - window))) {
            throw new IllegalStateException("run it before 23:" + (59 - window) + " UTC: the window must fit in today");
        }
        RampRequest defaults = RampRequest.of(start, start + 10, MailboxProvider.CUSTOM).withZone(ZoneOffset.UTC)
                .withBusinessHours(open, open.plusMinutes(window)).withReplyRate(0.3);
        try (Store store = url == null ? Store.open(StoreConfig.embedded(dir), clock)
                : Store.open(StoreConfig.of(dir, url), clock)) {
            AccountRepository accounts = new JdbcAccountRepository(store.dataSource(), clock);
            JdbcRampRepository ramps = new JdbcRampRepository(store.dataSource());
            long t = System.nanoTime();
            for (int i = 0; i < mailboxes; i++) {
                String address = "box" + i + "@" + domains[i % domains.length];
                String password = "pw" + i;
                mail.setUser(address, address, password);
                Endpoint smtp = new Endpoint("mail.bench.test", mail.getSmtp().getPort(), TlsMode.NONE);
                Endpoint imap = new Endpoint("mail.bench.test", mail.getImap().getPort(), TlsMode.NONE);
                accounts.add(new AccountRepository.NewAccount(address, MailboxProvider.CUSTOM, smtp, imap, address,
                        AuthKind.PASSWORD), cipher.seal(new Secret(password.toCharArray()), address));
                ramps.enrol(address, defaults.withStartDate(LocalDate.ofInstant(now, ZoneOffset.UTC)).withSeed(i), now);
            }
            System.out.printf("# %d mailboxes set up in %d ms; window %s-%s UTC, %d sends each, engage every %d min, %d threads, %s%n",
                    mailboxes, (System.nanoTime() - t) / 1_000_000, open, open.plusMinutes(window), start,
                    engageMinutes, threads, store.describe());
            Credentials credentials = Credentials.stored(accounts, cipher);
            MailConnector connector = new MailConnector(new MapZone().a("mail.bench.test", "127.0.0.1"), true,
                    Duration.ofSeconds(20));
            MessageComposer composer = MessageComposer.shipped();
            Outbox outbox = new SmtpOutbox(connector, credentials, clock);
            SecureRandom seeds = new SecureRandom();
            WarmupEngine engine = new WarmupEngine(new WarmupEngine.Ports(accounts, ramps,
                    new JdbcSendLedger(store.dataSource()), new JdbcStatsRepository(store.dataSource()), outbox,
                    new ImapEngager(connector, credentials, outbox, composer, 1),
                    new ImapDeliveryProbe(connector, credentials), new ComposerNetwork(composer)),
                    new Planner(clock), new SendThrottle(SendLimits.defaults()),
                    EngineSettings.defaults().withEngageInterval(Duration.ofMinutes(engageMinutes)), "bench",
                    seeds::nextLong);
            JobSchedulerConfig config = new JobSchedulerConfig("bench", Duration.ofMinutes(1), Duration.ofSeconds(1),
                    threads);
            Instant end = now.plus(Duration.ofMinutes(1 + window + 1));
            long cpu0 = processCpuNanos();
            try (JobScheduler s = JobScheduler.start(store, clock, config, new WarmupJobs(engine, clock, defaults).tasks())) {
                while (clock.instant().isBefore(end)) {
                    Thread.sleep(10_000);
                    System.out.printf("# %s %s%n", clock.instant(), counts(store));
                }
            }
            long cpu = processCpuNanos() - cpu0;
            report(store, mailboxes * start, cpu);
        } finally {
            mail.stop();
        }
    }

    private static String counts(Store store) throws Exception {
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT state, COUNT(*) FROM warmup_send GROUP BY state ORDER BY state")) {
            StringBuilder b = new StringBuilder();
            while (rs.next()) {
                b.append(rs.getString(1)).append('=').append(rs.getInt(2)).append(' ');
            }
            return b.toString();
        }
    }

    private static void report(Store store, int planned, long cpuNanos) throws Exception {
        List<Long> lags = new ArrayList<>();
        int sent = 0;
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT due_at, claimed_at, state FROM warmup_send")) {
            while (rs.next()) {
                OffsetDateTime claimed = rs.getObject(2, OffsetDateTime.class);
                if (claimed != null) {
                    lags.add(Duration.between(rs.getObject(1, OffsetDateTime.class), claimed).toMillis());
                }
                sent += "sent".equals(rs.getString(3)) ? 1 : 0;
            }
        }
        long[] l = lags.stream().mapToLong(Long::longValue).sorted().toArray();
        int engaged;
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM warmup_observation")) {
            rs.next();
            engaged = rs.getInt(1);
        }
        System.out.printf("planned %d, sent %d, observations %d; send lag ms p50 %d p95 %d p99 %d max %d; process CPU %.1f s%n",
                planned, sent, engaged, pct(l, 50), pct(l, 95), pct(l, 99), l.length == 0 ? -1 : l[l.length - 1],
                cpuNanos / 1e9);
        System.out.println("# lags sampled: " + l.length + " " + Arrays.toString(Arrays.copyOf(l, Math.min(5, l.length))));
    }

    private static long pct(long[] sorted, int p) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    private static int arg(String[] args, int i, int dflt) {
        return args.length > i ? Integer.parseInt(args[i]) : dflt;
    }
}
