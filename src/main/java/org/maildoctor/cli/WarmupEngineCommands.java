package org.maildoctor.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.maildoctor.store.jobs.JobScheduler;
import org.maildoctor.store.jobs.JobSchedulerConfig;
import org.maildoctor.warmup.MailboxProvider;
import org.maildoctor.warmup.RampParameters;
import org.maildoctor.warmup.RampRequest;
import org.maildoctor.warmup.engine.EngineSettings;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.maildoctor.store.Store;
import org.maildoctor.warmup.engine.Enrolment;
import org.maildoctor.warmup.engine.SendRecord;
import org.maildoctor.warmup.engine.SendState;
import org.maildoctor.warmup.jdbc.JdbcRampRepository;
import org.maildoctor.warmup.jdbc.JdbcSendLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code maildoctor warmup run|status|pause|resume}: the engine and its view of each mailbox. */
final class WarmupEngineCommands {
    private WarmupEngineCommands() {
    }

    @Command(name = "status", description = {
        "Each enrolled mailbox: running or paused (with the problem that paused it), its ramp, and today's sends",
        "by state. Exit 0 all running, 1 some mailbox is paused."})
    static final class Status extends StoreBackedCommand {
        /** The wall clock enters here, at the composition root. */
        Clock clock = Clock.systemUTC();

        @Override
        protected int run(Store store) {
            JdbcSendLedger ledger = new JdbcSendLedger(store.dataSource());
            List<Map<String, Object>> out = new ArrayList<>();
            boolean paused = false;
            for (Enrolment e : new JdbcRampRepository(store.dataSource()).list()) {
                LocalDate today = LocalDate.now(clock.withZone(e.ramp().zone()));
                Map<SendState, Integer> counts = new EnumMap<>(SendState.class);
                for (SendRecord r : ledger.rows(e.address(), today)) {
                    counts.merge(r.state(), 1, Integer::sum);
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("address", e.address());
                m.put("status", e.status().key());
                m.put("problem", e.problem());
                m.put("since", e.statusAt().toString());
                m.put("startDate", e.ramp().startDate().orElseThrow().toString());
                m.put("start", e.ramp().start());
                m.put("target", e.ramp().target());
                m.put("today", today.toString());
                Map<String, Integer> sends = new LinkedHashMap<>();
                counts.forEach((k, v) -> sends.put(k.key(), v));
                m.put("sends", sends);
                out.add(m);
                paused |= !e.active();
            }
            if (global.json) {
                output().json(Map.of("mailboxes", out));
            } else if (out.isEmpty()) {
                output().line("no mailbox in the engine yet; `maildoctor warmup run` (or serve) enrols every account");
            } else {
                for (Map<String, Object> m : out) {
                    output().line(String.format(Locale.ROOT, "%-32s %-7s %s -> %s/day from %s  today %s%s",
                            m.get("address"), m.get("status"), m.get("start"), m.get("target"), m.get("startDate"),
                            m.get("sends"), m.get("problem") == null ? "" : "\n    problem: " + m.get("problem")));
                }
            }
            return paused ? ExitCode.PROBLEMS : ExitCode.OK;
        }
    }

    @Command(name = "run", description = {
        "Run the warm-up engine until stopped (Ctrl-C / SIGTERM): enrol every warm-up account, re-plan each day,",
        "send at the planned times, engage every --engage-every. Several nodes may run it on one PostgreSQL database",
        "(--db); each job runs on one of them. `maildoctor serve` runs the same engine."})
    static final class Run extends StoreBackedCommand {
        @Option(names = "--start", defaultValue = "3", description = "Day-1 volume of newly enrolled mailboxes (default ${DEFAULT-VALUE}).")
        int start;

        @Option(names = "--target", defaultValue = "40", description = "Daily volume they grow to (default ${DEFAULT-VALUE}).")
        int target;

        @Option(names = "--step", defaultValue = "2", description = "Growth per sending day (default ${DEFAULT-VALUE}).")
        int step;

        @Option(names = "--reply-rate", defaultValue = "0.3", paramLabel = "R", description = "Share of warm-up mail answered (default ${DEFAULT-VALUE}).")
        double replyRate;

        @Option(names = "--tz", defaultValue = "UTC", paramLabel = "ZONE", description = "Time zone of the business hours (default ${DEFAULT-VALUE}).")
        String tz;

        @Option(names = "--hours", defaultValue = "09:00-17:00", paramLabel = "HH:MM-HH:MM", description = "Sending window (default ${DEFAULT-VALUE}).")
        String hours;

        @Option(names = "--weekdays-only", description = "No warm-up mail on Saturdays and Sundays.")
        boolean weekdaysOnly;

        @Option(names = "--engage-every", defaultValue = "30", paramLabel = "MINUTES", description = "Minutes between engagement passes per mailbox (default ${DEFAULT-VALUE}).")
        int engageMinutes;

        @Option(names = "--node", paramLabel = "NAME", description = "This node's name in the job table (default host-pid).")
        String node;

        @Option(names = "--stop-after", paramLabel = "SECONDS", hidden = true, description = "Stop after this many seconds (tests).")
        Integer stopAfter;

        /** The wall clock enters here, at the composition root. */
        Clock clock = Clock.systemUTC();

        @Override
        protected int run(Store store) throws Exception {
            RampRequest defaults;
            EngineSettings settings;
            JobSchedulerConfig config;
            try {
                LocalTime[] h = RampParameters.hours(hours);
                defaults = RampRequest.of(start, target, MailboxProvider.CUSTOM).withStep(step).withReplyRate(replyRate)
                        .withZone(RampParameters.zone(tz)).withBusinessHours(h[0], h[1]).withWeekdaysOnly(weekdaysOnly);
                if (engageMinutes < 1) {
                    throw new IllegalArgumentException("--engage-every must be at least 1 minute");
                }
                settings = EngineSettings.defaults().withEngageInterval(Duration.ofMinutes(engageMinutes));
                config = node == null ? JobSchedulerConfig.defaults() : JobSchedulerConfig.defaults().withNodeName(node);
            } catch (IllegalArgumentException e) {
                throw CliException.usage(e.getMessage());
            }
            CountDownLatch stop = new CountDownLatch(1);
            Thread hook = new Thread(stop::countDown, "warmup-run-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try (JobScheduler scheduler = JobScheduler.start(store, clock, config,
                    WarmupEngineWiring.tasks(global, store, clock, config.nodeName(), defaults, settings))) {
                System.err.println("warm-up engine running on node " + scheduler.nodeName() + " with " + store.describe()
                        + "; stop with Ctrl-C");
                if (stopAfter == null) {
                    stop.await();
                } else {
                    stop.await(stopAfter, TimeUnit.SECONDS);
                }
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is already stopping: the hook has run
                }
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "pause", description = "Stop sending and engaging for one mailbox (the others go on).")
    static final class Pause extends StoreBackedCommand {
        @Parameters(index = "0", paramLabel = "ADDRESS")
        String address;

        @Override
        protected int run(Store store) {
            if (!new JdbcRampRepository(store.dataSource()).pause(address, "paused by the user", store.clock().instant())) {
                throw CliException.usage("no warm-up mailbox " + address + " in the engine");
            }
            output().line("paused " + address);
            return ExitCode.OK;
        }
    }

    @Command(name = "resume", description = "Resume a paused mailbox (after fixing what paused it); its ramp continues from the next day.")
    static final class Resume extends StoreBackedCommand {
        @Parameters(index = "0", paramLabel = "ADDRESS")
        String address;

        @Override
        protected int run(Store store) {
            if (!new JdbcRampRepository(store.dataSource()).resume(address, store.clock().instant())) {
                throw CliException.usage("no warm-up mailbox " + address + " in the engine");
            }
            output().line("resumed " + address);
            return ExitCode.OK;
        }
    }
}
