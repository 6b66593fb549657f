package org.maildoctor.warmup.engine;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.maildoctor.store.Store;
import org.maildoctor.store.StoreConfig;
import org.maildoctor.store.jobs.JobScheduler;
import org.maildoctor.store.jobs.JobSchedulerConfig;
import org.maildoctor.warmup.DayHealth;
import org.maildoctor.warmup.Planner;
import org.maildoctor.warmup.RampRequest;
import org.maildoctor.warmup.account.AccountRepository;
import org.maildoctor.warmup.account.CredentialCipher;
import org.maildoctor.warmup.account.Credentials;
import org.maildoctor.warmup.account.Endpoint;
import org.maildoctor.warmup.account.Secret;
import org.maildoctor.warmup.account.WarmupAccount;
import org.maildoctor.warmup.adapter.ImapDeliveryProbe;
import org.maildoctor.warmup.adapter.ImapEngager;
import org.maildoctor.warmup.adapter.MailConnector;
import org.maildoctor.warmup.adapter.SmtpOutbox;
import org.maildoctor.warmup.engine.jobs.WarmupJobs;
import org.maildoctor.warmup.jdbc.JdbcAccountRepository;
import org.maildoctor.warmup.jdbc.JdbcRampRepository;
import org.maildoctor.warmup.jdbc.JdbcSendLedger;
import org.maildoctor.warmup.jdbc.JdbcStatsRepository;
import org.maildoctor.warmup.network.MessageComposer;
import org.maildoctor.warmup.network.WarmupMessage;
import org.maildoctor.warmup.testing.GreenMailPool;
import org.maildoctor.warmup.tracking.DailyStats;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * Issue 8 acceptance: an accelerated 30-day warm-up of 10 GreenMail mailboxes over 5 domains with the
 * real adapters (SMTP outbox, IMAP engager, IMAP delivery probe), the real store (H2) and db-scheduler
 * on a stepped clock. One domain's mail is partly filed into junk by a stand-in spam filter for the
 * first 12 days; one mailbox's submission server answers 550 for three days; in the middle of day 15
 * the scheduler is stopped, two sends are left as a crash would leave them, and a new node takes over.
 */
class WarmupThirtyDayIT {
    static final Instant T0 = Instant.parse("2026-03-02T06:00:00Z");
    static final LocalDate DAY1 = LocalDate.parse("2026-03-02");
    static final int DAYS = 30;
    static final RampRequest DEFAULTS = RampRequest.of(2, 4, org.maildoctor.warmup.MailboxProvider.CUSTOM).withStep(1)
            .withReplyRate(0.3).withZone(ZoneOffset.UTC).withBusinessHours(LocalTime.of(9, 0), LocalTime.of(17, 0));
    static final EngineSettings SETTINGS = EngineSettings.defaults().withEngageInterval(Duration.ofHours(24));

    @TempDir
    Path dir;

    /** Message-ID → deliveries seen by GreenMail's delivery hook, whatever the engine believes. */
    final Map<String, Integer> delivered = new ConcurrentHashMap<>();
    final Map<String, String> inReplyTo = new ConcurrentHashMap<>();

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void thirtyDays() throws Exception {
        TickingClock clock = new TickingClock(T0);
        byte[] key = new byte[CredentialCipher.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        CredentialCipher cipher = new CredentialCipher(key, new SecureRandom());
        AtomicBoolean junkPhase = new AtomicBoolean(true);
        AtomicBoolean bouncing = new AtomicBoolean(false);
        try (GreenMailPool pool = GreenMailPool.start(10)) {
            String spammy = pool.accounts().stream().filter(a -> a.address().endsWith("@charlie.test")).findFirst()
                    .orElseThrow().address().replaceAll(".*@", "@");
            var junk = GreenMailPool.junkShare(0.5);
            pool.filter((m, to) -> {
                tap(m);
                return junkPhase.get() && from(m).endsWith(spammy) ? junk.apply(m, to) : GreenMailPool.Filing.INBOX;
            });
            WarmupAccount bouncer = pool.accounts().get(3);
            SMTPServer bouncingServer = bouncingSubmission(pool, bouncing);
            try (Store store = Store.open(StoreConfig.embedded(dir.resolve("db")), clock)) {
                AccountRepository accounts = new JdbcAccountRepository(store.dataSource(), clock);
                Credentials plain = pool.credentials();
                for (WarmupAccount a : pool.accounts()) {
                    Endpoint smtp = a.equals(bouncer)
                            ? new Endpoint(a.smtp().host(), bouncingServer.getPortAllocated(), a.smtp().tls()) : a.smtp();
                    Secret s = plain.open(a);
                    accounts.add(new AccountRepository.NewAccount(a.address(), a.provider(), smtp, a.imap(),
                            a.username(), a.auth()), cipher.seal(s, a.address()));
                }
                assertCredentialsSealed(store, pool);
                Credentials stored = Credentials.stored(accounts, cipher);

                ClockStepper stepper = new ClockStepper(clock, store.dataSource(), Duration.ofHours(2));
                Instant restartAt = T0.plus(Duration.ofDays(14)).plus(Duration.ofHours(6)); // day 15, 12:00
                JobScheduler first = start(store, clock, pool, stored, "node-1");
                runDays(stepper, clock, junkPhase, bouncing, restartAt);
                first.close();

                // a node died mid-send twice: once after the server took the message, once before SMTP began
                JdbcSendLedger ledger = new JdbcSendLedger(store.dataSource());
                LocalDate day15 = DAY1.plusDays(14);
                List<SendRecord> pending = new ArrayList<>();
                for (WarmupAccount a : pool.accounts()) {
                    if (!a.equals(bouncer)) {
                        ledger.rows(a.address(), day15).stream().filter(r -> r.state() == SendState.PLANNED)
                                .forEach(pending::add);
                    }
                }
                assertThat(pending).as("sends still due after the restart").hasSizeGreaterThanOrEqualTo(2);
                SendRecord wentOut = pending.get(0);
                SendRecord neverLeft = pending.get(1);
                WarmupMessage m = new ComposerNetwork(MessageComposer.shipped())
                        .compose(wentOut.sender(), wentOut.recipient(), wentOut.seed());
                assertThat(m.messageId()).isEqualTo(wentOut.messageId());
                assertThat(ledger.claim(wentOut.id(), SendState.PLANNED, "node-1", clock.instant())).isTrue();
                assertThat(new SmtpOutbox(pool.connector(), stored, clock).send(accounts.find(wentOut.sender())
                        .orElseThrow(), m).status()).isEqualTo(Outbox.Status.ACCEPTED);
                assertThat(ledger.claim(neverLeft.id(), SendState.PLANNED, "node-1", clock.instant())).isTrue();

                try (Store again = Store.open(StoreConfig.embedded(dir.resolve("db")), clock);
                     JobScheduler second = start(again, clock, pool, stored, "node-2")) {
                    runDays(stepper, clock, junkPhase, bouncing, T0.plus(Duration.ofDays(DAYS)));
                }
                SendRecord reconciled = ledger.find(wentOut.id()).orElseThrow();
                assertThat(reconciled.state()).isEqualTo(SendState.SENT);
                assertThat(reconciled.attempts()).as("found in the mailbox, not sent again").isEqualTo(1);
                SendRecord resent = ledger.find(neverLeft.id()).orElseThrow();
                assertThat(resent.state()).isEqualTo(SendState.SENT);
                assertThat(resent.attempts()).isEqualTo(2);
                assertThat(resent.claimedBy()).isEqualTo("node-2");

                assertExactlyOnce(store);
                assertRampFollowsThePlan(store, pool, bouncer);
                assertPlacementRescueRepliesCleanup(store, pool, spammy, clock.instant());
                System.out.printf("30-day run: %d clock steps, %d messages delivered, %d filed into junk%n",
                        stepper.steps, delivered.size(), pool.junked());
            } finally {
                bouncingServer.stop();
            }
        }
    }

    private void runDays(ClockStepper stepper, TickingClock clock, AtomicBoolean junkPhase, AtomicBoolean bouncing,
                         Instant end) throws Exception {
        while (clock.instant().isBefore(end)) {
            int day = (int) Duration.between(T0, clock.instant()).toDays() + 1;
            junkPhase.set(day <= 12);
            bouncing.set(day >= 8 && day <= 10);
            Instant dayEnd = T0.plus(Duration.ofDays(day));
            long t = System.nanoTime();
            stepper.runUntil(dayEnd.isAfter(end) ? end : dayEnd);
            System.err.printf("day %d: %d ms, %d deliveries so far, %d steps%n", day,
                    (System.nanoTime() - t) / 1_000_000, delivered.size(), stepper.steps);
        }
    }

    static JobScheduler start(Store store, TickingClock clock, GreenMailPool pool, Credentials credentials, String node) {
        MailConnector connector = pool.connector();
        MessageComposer composer = MessageComposer.shipped();
        Outbox outbox = new SmtpOutbox(connector, credentials, clock);
        java.util.Random seeds = new java.util.Random(node.hashCode());
        WarmupEngine engine = new WarmupEngine(new WarmupEngine.Ports(new JdbcAccountRepository(store.dataSource(), clock),
                new JdbcRampRepository(store.dataSource()), new JdbcSendLedger(store.dataSource()),
                new JdbcStatsRepository(store.dataSource()), outbox,
                new ImapEngager(connector, credentials, outbox, composer, 42),
                new ImapDeliveryProbe(connector, credentials), new ComposerNetwork(composer)),
                new Planner(clock), new SendThrottle(SendLimits.defaults()), SETTINGS, node,
                seeds::nextLong);
        JobSchedulerConfig config = new JobSchedulerConfig(node, Duration.ofMinutes(1), Duration.ofMillis(20), 3);
        return JobScheduler.start(store, clock, config, new WarmupJobs(engine, clock, DEFAULTS).tasks());
    }

    private void tap(MimeMessage m) {
        try {
            String id = m.getMessageID();
            if (id != null) {
                delivered.merge(id, 1, Integer::sum);
            }
            String parent = m.getHeader("In-Reply-To", null);
            if (parent != null && id != null) {
                inReplyTo.put(id, parent.trim());
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String from(MimeMessage m) {
        try {
            return m.getFrom() == null ? "" : m.getFrom()[0].toString().replaceAll(".*<|>.*", "");
        } catch (MessagingException e) {
            return "";
        }
    }

    /** A submission server for one mailbox: relays into GreenMail, or answers 550 5.1.1 to every RCPT while bouncing. */
    private static SMTPServer bouncingSubmission(GreenMailPool pool, AtomicBoolean bouncing) {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(pool.greenMail().getSmtp().getPort()));
        Session relay = Session.getInstance(p);
        SMTPServer server = SMTPServer.port(0).bindAddress(java.net.InetAddress.getLoopbackAddress())
                .messageHandlerFactory(ctx -> new MessageHandler() {
                    final List<String> to = new ArrayList<>();

                    @Override
                    public void from(String from) {
                    }

                    @Override
                    public void recipient(String recipient) throws RejectException {
                        if (bouncing.get()) {
                            throw new RejectException(550, "5.1.1 <" + recipient + ">: Recipient address rejected: "
                                    + "User unknown in virtual mailbox table");
                        }
                        to.add(recipient);
                    }

                    @Override
                    public String data(InputStream in) throws RejectException {
                        try {
                            // relayed as received: saveChanges() must not give it a new Message-ID
                            MimeMessage msg = new MimeMessage(relay, in) {
                                @Override
                                protected void updateMessageID() {
                                }
                            };
                            Transport.send(msg, to.stream().map(WarmupThirtyDayIT::address).toArray(jakarta.mail.Address[]::new));
                            return null;
                        } catch (MessagingException e) {
                            throw new RejectException(451, "4.3.0 relay failed: " + e.getMessage());
                        }
                    }

                    @Override
                    public void done() {
                    }
                }).build();
        server.start();
        return server;
    }

    private static jakarta.mail.Address address(String a) {
        try {
            return new jakarta.mail.internet.InternetAddress(a);
        } catch (MessagingException e) {
            throw new IllegalArgumentException(a, e);
        }
    }

    private static void assertCredentialsSealed(Store store, GreenMailPool pool) throws Exception {
        List<String> cells = new ArrayList<>();
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM warmup_account")) {
            while (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    cells.add(String.valueOf(rs.getObject(i)));
                }
            }
        }
        Credentials plain = pool.credentials();
        for (WarmupAccount a : pool.accounts()) {
            String pw = new String(plain.open(a).reveal());
            assertThat(cells).noneMatch(v -> v.contains(pw));
        }
        assertThat(cells).anyMatch(v -> v.startsWith("v1:"));
    }

    /** Every planned message of the run went out exactly once (GreenMail's count), or is accounted for. */
    private void assertExactlyOnce(Store store) throws Exception {
        Map<SendState, Integer> states = new HashMap<>();
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT message_id, state, send_day FROM warmup_send")) {
            while (rs.next()) {
                String id = rs.getString(1);
                SendState state = SendState.parse(rs.getString(2));
                LocalDate day = rs.getObject(3, LocalDate.class);
                states.merge(state, 1, Integer::sum);
                if (day.isBefore(DAY1.plusDays(DAYS))) {
                    assertThat(state).as("%s on %s is settled", id, day).isIn(SendState.SENT, SendState.BOUNCED);
                }
                int expected = state == SendState.SENT ? 1 : 0;
                assertThat(delivered.getOrDefault(id, 0)).as("deliveries of %s (%s)", id, state).isEqualTo(expected);
            }
        }
        assertThat(states.get(SendState.SENT)).isGreaterThan(500);
        assertThat(states.get(SendState.BOUNCED)).isPositive();
    }

    /** Each day's ledger volume is what the planner gives for that day with the signals tracked before it. */
    private static void assertRampFollowsThePlan(Store store, GreenMailPool pool, WarmupAccount bouncer) {
        JdbcSendLedger ledger = new JdbcSendLedger(store.dataSource());
        JdbcStatsRepository stats = new JdbcStatsRepository(store.dataSource());
        JdbcRampRepository ramps = new JdbcRampRepository(store.dataSource());
        Planner planner = new Planner(java.time.Clock.fixed(T0, ZoneOffset.UTC));
        Map<String, List<Integer>> volumes = new HashMap<>();
        for (WarmupAccount a : pool.accounts()) {
            RampRequest ramp = ramps.find(a.address()).orElseThrow().ramp();
            assertThat(ramp.startDate()).contains(DAY1);
            Map<LocalDate, DayHealth> observed = new HashMap<>();
            for (DailyStats s : stats.days(a.address(), DAY1, DAY1.plusDays(DAYS))) {
                observed.put(s.day(), new DayHealth(s.sent(), s.bounces(), s.spam(), s.authFailures()));
            }
            List<Integer> perDay = new ArrayList<>();
            for (int d = 1; d <= DAYS; d++) {
                LocalDate day = DAY1.plusDays(d - 1);
                Map<LocalDate, DayHealth> before = observed.entrySet().stream().filter(e -> e.getKey().isBefore(day))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
                int planned = planner.plan(ramp.withDays(d), before).days().getLast().volume();
                int ledgered = (int) ledger.rows(a.address(), day).stream()
                        .filter(r -> r.state() != SendState.CANCELLED).count();
                assertThat(ledgered).as("%s day %d; stats %s; ledger %s", a.address(), d,
                        stats.days(a.address(), DAY1, day), ledger.rows(a.address(), day)).isEqualTo(planned);
                perDay.add(ledgered);
            }
            volumes.put(a.address(), perDay);
        }
        System.out.println("volumes per day: " + volumes);
        List<Integer> healthy = volumes.get(pool.accounts().get(0).address());
        assertThat(healthy.subList(0, 5)).as("the nominal ramp").containsExactly(2, 3, 4, 4, 4);
        List<Integer> b = volumes.get(bouncer.address());
        assertThat(b.get(8)).as("cut the day after the first bounces (day 9)").isLessThan(b.get(7));
        assertThat(b.get(10)).as("still low after three bouncing days").isLessThan(b.get(7));
        assertThat(b.get(DAYS - 1)).as("regrown once healthy").isGreaterThan(b.get(10));
    }

    private void assertPlacementRescueRepliesCleanup(Store store, GreenMailPool pool, String spammy, Instant end)
            throws Exception {
        JdbcStatsRepository stats = new JdbcStatsRepository(store.dataSource());
        int spamEarly = 0;
        int spamLate = 0;
        int inbox = 0;
        for (WarmupAccount a : pool.accounts()) {
            for (DailyStats s : stats.days(a.address(), DAY1, DAY1.plusDays(DAYS))) {
                inbox += s.inbox();
                if (a.address().endsWith(spammy)) {
                    if (s.day().isBefore(DAY1.plusDays(12))) {
                        spamEarly += s.spam();
                    } else if (s.day().isAfter(DAY1.plusDays(13))) {
                        spamLate += s.spam();
                    }
                } else {
                    assertThat(s.spam()).as("%s is never filed into junk", a.address()).isZero();
                }
            }
        }
        assertThat(pool.junked()).isPositive();
        assertThat(spamEarly).as("junk placement tracked while the filter ran").isPositive();
        assertThat(spamLate).as("no junk placement once it stopped").isZero();
        assertThat(inbox).isGreaterThan(spamEarly);

        int rescued;
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM warmup_observation WHERE rescued")) {
            rs.next();
            rescued = rs.getInt(1);
        }
        assertThat(rescued).as("moved out of junk").isPositive();

        Set<String> ledgerIds = new java.util.HashSet<>();
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT message_id FROM warmup_send WHERE state = 'sent'")) {
            while (rs.next()) {
                ledgerIds.add(rs.getString(1));
            }
        }
        long threaded = inReplyTo.values().stream().filter(ledgerIds::contains).count();
        assertThat(threaded).as("replies threaded on warm-up messages").isPositive();

        Instant oldest = end.minus(Duration.ofDays(SETTINGS.deleteAfterDays())).minus(SETTINGS.engageInterval())
                .minus(Duration.ofHours(2));
        for (WarmupAccount a : pool.accounts()) {
            for (var folder : List.of("INBOX", pool.domainOf(a.address()).junkFolder(), GreenMailPool.CATEGORY_FOLDER)) {
                for (var stored : pool.folder(a.address(), folder).getMessages()) {
                    MimeMessage msg = stored.getMimeMessage();
                    if (msg.getHeader(WarmupMessage.TOKEN_HEADER) == null) {
                        continue;
                    }
                    assertThat(msg.getSentDate().toInstant()).as("cleaned up: %s in %s", msg.getMessageID(), folder)
                            .isAfter(oldest);
                    if (!folder.equals("INBOX") && !folder.equals(GreenMailPool.CATEGORY_FOLDER)) {
                        assertThat(msg.getSentDate().toInstant()).as("rescued from junk")
                                .isAfter(end.minus(SETTINGS.engageInterval()).minus(Duration.ofDays(1)));
                    }
                }
            }
        }
    }
}
