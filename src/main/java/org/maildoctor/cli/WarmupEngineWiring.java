package org.maildoctor.cli;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.maildoctor.store.Store;
import org.maildoctor.warmup.Planner;
import org.maildoctor.warmup.RampRequest;
import org.maildoctor.warmup.account.AccountRepository;
import org.maildoctor.warmup.account.Credentials;
import org.maildoctor.warmup.account.WarmupAccount;
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
import org.maildoctor.warmup.jdbc.JdbcRampRepository;
import org.maildoctor.warmup.jdbc.JdbcSendLedger;
import org.maildoctor.warmup.jdbc.JdbcStatsRepository;
import org.maildoctor.warmup.network.MessageComposer;

/**
 * Builds the warm-up engine's db-scheduler tasks from the global options, for {@code warmup run} and
 * {@code serve}: {@code JobScheduler.start(store, clock, config, WarmupEngineWiring.tasks(...))}.
 */
final class WarmupEngineWiring {
    private WarmupEngineWiring() {
    }

    /** The ramp {@code serve} enrols new accounts with (as {@code warmup run}'s defaults): 3 → 40 a day, +2, 09:00-17:00 UTC. */
    static RampRequest defaultRamp() {
        return RampRequest.of(3, 40, org.maildoctor.warmup.MailboxProvider.CUSTOM);
    }

    /** For {@code serve}: the engine with the default ramp and settings. */
    static List<com.github.kagkarlsson.scheduler.task.Task<?>> tasks(GlobalOptions global, Store store, Clock clock,
                                                                     String node) {
        return tasks(global, store, clock, node, defaultRamp(), EngineSettings.defaults());
    }

    /** The engine's tasks; new accounts are enrolled with {@code defaults}. */
    static List<com.github.kagkarlsson.scheduler.task.Task<?>> tasks(GlobalOptions global, Store store, Clock clock,
                                                                     String node, RampRequest defaults,
                                                                     EngineSettings settings) {
        AccountRepository accounts = WarmupAccountCommands.repository(store);
        Credentials credentials = Credentials.stored(accounts, WarmupAccountCommands.cipher(global));
        MailConnector connector = new MailConnector(Wiring.resolver(global), global.allowPrivate, global.timeout);
        MessageComposer composer = MessageComposer.shipped();
        Outbox outbox = new SmtpOutbox(connector, credentials, clock);
        SecureRandom seeds = new SecureRandom();
        WarmupEngine engine = new WarmupEngine(new WarmupEngine.Ports(accounts,
                new JdbcRampRepository(store.dataSource()), new JdbcSendLedger(store.dataSource()),
                new JdbcStatsRepository(store.dataSource()), outbox,
                new ImapEngager(connector, credentials, outbox, composer, seeds.nextLong()),
                new ImapDeliveryProbe(connector, credentials), new ComposerNetwork(composer,
                        address -> accounts.find(address).map(WarmupAccount::provider)
                                .orElse(org.maildoctor.warmup.MailboxProvider.CUSTOM))),
                new Planner(clock), new SendThrottle(SendLimits.defaults()), settings, node,
                seeds::nextLong);
        return new WarmupJobs(engine, clock, defaults).tasks();
    }
}
