package org.maildoctor.web;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.maildoctor.dns.FakeZone;
import org.maildoctor.store.Store;
import org.maildoctor.store.StoreConfig;
import org.maildoctor.warmup.account.AccountService;
import org.maildoctor.warmup.account.CredentialCipher;
import org.maildoctor.warmup.adapter.ConnectionTester;
import org.maildoctor.warmup.engage.Observation;
import org.maildoctor.warmup.engage.Placement;
import org.maildoctor.warmup.jdbc.JdbcAccountRepository;
import org.maildoctor.warmup.jdbc.JdbcStatsRepository;

/**
 * The warm-up pages over real parts: an H2 store in a temp dir, the JDBC account and stats
 * repositories, AES-GCM with a random master key, and the real connection tester (loopback allowed).
 */
final class WarmupFixture implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-03-20T12:00:00Z");
    static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);

    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final Store store;
    final JdbcAccountRepository accounts;
    final JdbcStatsRepository stats;
    final WarmupModule module;

    WarmupFixture(Path dir) {
        store = Store.open(StoreConfig.of(dir.resolve("db"), null), clock);
        accounts = new JdbcAccountRepository(store.dataSource(), clock);
        stats = new JdbcStatsRepository(store.dataSource());
        byte[] key = new byte[CredentialCipher.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        ConnectionTester tester = new ConnectionTester(FakeZone.builder().build(), true, Duration.ofSeconds(5));
        module = new WarmupModule(clock, Optional.of(new WarmupModule.Backend(
                new AccountService(accounts, new CredentialCipher(key, new SecureRandom()), tester::test, clock),
                stats)));
    }

    WebServer server() {
        return WebServer.builder(WebConfig.loopback(0, "test"))
                .modules(WebModules.with(Map.of(Capability.WARMUP, module))).build();
    }

    /**
     * Fourteen days of a mailbox's warm-up ending today: volume growing 5, 7, 9…; spam placement
     * falling from a third to none; a bounce burst and an authentication failure on day 10.
     */
    void seed(String mailbox) {
        for (int i = 0; i < 14; i++) {
            LocalDate day = TODAY.minusDays(13 - i);
            int sent = 5 + 2 * i;
            for (int n = 0; n < sent; n++) {
                stats.recordSent(mailbox, day);
                Placement p = n < Math.max(0, (sent / 3) - i) ? Placement.SPAM
                        : n % 7 == 3 ? Placement.CATEGORY : n % 11 == 5 ? Placement.MISSING : Placement.INBOX;
                boolean authFailed = i == 9 && n == 0;
                stats.recordObservation("pool" + (n % 3) + "@pool.test", day, new Observation(mailbox + "-" + i + "-" + n,
                        "<m" + i + "." + n + "@x>", mailbox, p.name(), p, false, n % 4 == 0, !authFailed,
                        day.atTime(14, 0).toInstant(ZoneOffset.UTC)));
            }
            if (i == 9) {
                for (int b = 0; b < 3; b++) {
                    stats.recordBounce(mailbox, day);
                }
            }
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
