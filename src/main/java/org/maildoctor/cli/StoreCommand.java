package org.maildoctor.cli;

import java.time.Duration;
import java.time.Instant;
import org.maildoctor.store.SchedulerRun;
import org.maildoctor.store.Store;
import org.maildoctor.store.jobs.JobScheduler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code maildoctor store status}: which database, its schema version, whether the scheduler beats. */
@Command(name = "store", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Inspect the database.", subcommands = StoreCommand.Status.class)
public final class StoreCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: status");
    }

    /** JSON shape of {@code store status}; {@code lastHeartbeat} is null until a scheduler has run. */
    record StoreStatus(String database, String schemaVersion, SchedulerRun lastHeartbeat) {
    }

    @Command(name = "status", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Show the database in use (creating and migrating it if needed), "
            + "its schema version and the job scheduler's last heartbeat.")
    static final class Status extends StoreBackedCommand {
        @Override
        protected int run(Store store) {
            var status = new StoreStatus(store.describe(), store.schemaVersion().orElse(null),
                    store.schedulerRuns().latest(JobScheduler.HEARTBEAT_TASK).orElse(null));
            Output out = output();
            if (global.json) {
                out.json(status);
                return ExitCode.OK;
            }
            out.line("database:       " + status.database());
            out.line("schema version: " + (status.schemaVersion() == null ? "none" : status.schemaVersion()));
            SchedulerRun hb = status.lastHeartbeat();
            out.line("last heartbeat: " + (hb == null ? "never (no scheduler has run: start `maildoctor serve`)"
                    : hb.ranAt() + " by " + hb.node() + " (" + age(hb.ranAt(), store.clock().instant()) + " ago)"));
            return ExitCode.OK;
        }

        private static String age(Instant then, Instant now) {
            Duration d = Duration.between(then, now);
            if (d.isNegative()) {
                return "0s";
            }
            long s = d.toSeconds();
            return s < 120 ? s + "s" : s < 7200 ? (s / 60) + "m" : (s / 3600) + "h";
        }
    }
}
