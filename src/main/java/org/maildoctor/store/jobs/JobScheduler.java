package org.maildoctor.store.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.maildoctor.store.SchedulerRun;
import org.maildoctor.store.Store;
import org.maildoctor.store.StoreException;

/**
 * Cluster-safe background jobs on top of db-scheduler, sharing the store's database: any number of
 * maildoctor processes may run one; each due execution is picked (row version compare-and-set in
 * {@code scheduled_tasks}) and run by exactly one of them.
 *
 * <p>Always runs the {@value #HEARTBEAT_TASK} task, which records every run in {@code scheduler_run}
 * so {@code maildoctor store status} can show that the scheduler is alive.
 *
 * <p>Lifecycle: {@code Store store = Store.open(cfg); JobScheduler s = JobScheduler.start(store, clock);}
 * ... {@code s.close(); store.close();} (scheduler first: it needs the pool while stopping).
 */
public final class JobScheduler implements AutoCloseable {
    public static final String HEARTBEAT_TASK = "heartbeat";
    /** How long close() lets running executions finish. */
    private static final Duration SHUTDOWN_MAX_WAIT = Duration.ofSeconds(10);

    private final Scheduler scheduler;
    private final JobSchedulerConfig config;
    private final AtomicBoolean closed = new AtomicBoolean();

    private JobScheduler(Scheduler scheduler, JobSchedulerConfig config) {
        this.scheduler = scheduler;
        this.config = config;
    }

    /** Starts with production defaults ({@link JobSchedulerConfig#defaults()}). */
    public static JobScheduler start(Store store, Clock clock) {
        return start(store, clock, JobSchedulerConfig.defaults(), List.of());
    }

    public static JobScheduler start(Store store, Clock clock, JobSchedulerConfig config) {
        return start(store, clock, config, List.of());
    }

    /**
     * @param clock      must tick (the scheduler polls against it); a fixed clock stops all runs
     * @param extraTasks further db-scheduler tasks later features register; recurring ones
     *                   ({@link RecurringTask}) are scheduled on start
     */
    public static JobScheduler start(Store store, Clock clock, JobSchedulerConfig config, List<? extends Task<?>> extraTasks) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(clock, "clock");
        RecurringTask<Void> heartbeat = heartbeatTask(store, clock, config);
        // db-scheduler adds start tasks to its known tasks itself; listing them twice would duplicate them
        List<Task<?>> known = new ArrayList<>();
        List<RecurringTask<?>> startup = new ArrayList<>();
        startup.add(heartbeat);
        for (Task<?> t : extraTasks) {
            if (t instanceof RecurringTask<?> r) {
                startup.add(r);
            } else {
                known.add(t);
            }
        }
        try {
            SchedulerBuilder builder = Scheduler.create(store.dataSource(), known);
            if (isH2(store.dataSource())) {
                // db-scheduler has no H2 dialect and warns about time zones on each start; our columns
                // are TIMESTAMP WITH TIME ZONE, which is exactly what its default handling assumes
                builder.jdbcCustomization(new DefaultJdbcCustomization(false));
            }
            Scheduler scheduler = builder
                    .startTasks(startup)
                    .schedulerName(new SchedulerName.Fixed(config.nodeName()))
                    .pollingInterval(config.pollingInterval())
                    .threads(config.threads())
                    .clock(clock::instant)
                    .shutdownMaxWait(SHUTDOWN_MAX_WAIT)
                    .build();
            scheduler.start();
            return new JobScheduler(scheduler, config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot start the job scheduler on " + store.describe() + ": " + e.getMessage(), e);
        }
    }

    private static boolean isH2(DataSource ds) {
        try (Connection c = ds.getConnection()) {
            return "H2".equals(c.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new StoreException("cannot reach the database for the job scheduler: " + e.getMessage(), e);
        }
    }

    private static RecurringTask<Void> heartbeatTask(Store store, Clock clock, JobSchedulerConfig config) {
        return Tasks.recurring(HEARTBEAT_TASK, FixedDelay.of(config.heartbeatInterval()))
                .execute((instance, ctx) -> store.schedulerRuns().record(new SchedulerRun(HEARTBEAT_TASK,
                        ctx.getExecution().getExecutionTime(), config.nodeName(), clock.instant())));
    }

    /**
     * Schedules one execution of a task registered at {@link #start} (any node may run it) unless
     * an execution with the same task and instance id exists; returns whether it was added.
     */
    public boolean scheduleIfNotExists(com.github.kagkarlsson.scheduler.task.TaskInstance<?> instance,
                                       java.time.Instant at) {
        return scheduler.scheduleIfNotExists(instance, at);
    }

    public String nodeName() {
        return config.nodeName();
    }

    /** Stops polling and waits (up to 10 s) for running executions. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            scheduler.stop();
        }
    }
}
