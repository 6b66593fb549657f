package org.maildoctor.warmup.engine.jobs;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.maildoctor.warmup.RampRequest;
import org.maildoctor.warmup.engine.SendRecord;
import org.maildoctor.warmup.engine.WarmupEngine;

/**
 * The warm-up engine as db-scheduler tasks, handed to {@code JobScheduler.start(…, extraTasks)}:
 * <ul>
 *   <li>{@value #SYNC} (recurring): enrols new accounts and makes sure each has a re-plan and an
 *       engagement execution;</li>
 *   <li>{@value #REPLAN} (one execution per account, rescheduled to the next local day): writes the day's
 *       ledger rows and schedules one {@value #SEND} execution per row at its send time;</li>
 *   <li>{@value #SEND} (one execution per ledger row, instance id = row id);</li>
 *   <li>{@value #ENGAGE} (one execution per account, rescheduled every engagement interval).</li>
 * </ul>
 * Executions live in {@code scheduled_tasks}, so they survive restarts, and db-scheduler hands each to
 * exactly one node; the ledger's compare-and-set claim is the second guard for sends. Every schedule
 * call is "if not exists" keyed by account or row, so repeating a step never doubles an execution.
 */
public final class WarmupJobs {
    public static final String SYNC = "warmup-sync";
    public static final String REPLAN = "warmup-replan";
    public static final String SEND = "warmup-send";
    public static final String ENGAGE = "warmup-engage";
    /** A job that threw (database down, adapter bug) runs again after this long. */
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(5);

    private final WarmupEngine engine;
    private final Clock clock;
    private final RampRequest defaults;
    private final CustomTask<Void> send;
    private final CustomTask<Void> engage;
    private final CustomTask<Void> replan;
    private final RecurringTask<Void> sync;

    /**
     * @param clock    the scheduler's clock (the same one given to {@code JobScheduler})
     * @param defaults the ramp new accounts get (start, target, step, zone, hours, reply rate, weekdays)
     */
    public WarmupJobs(WarmupEngine engine, Clock clock, RampRequest defaults) {
        this.engine = engine;
        this.clock = clock;
        this.defaults = defaults;
        this.send = perInstance(SEND, id -> engine.send(Long.parseLong(id), clock.instant()));
        this.engage = perInstance(ENGAGE, address -> engine.engage(address, clock.instant()));
        this.replan = Tasks.custom(REPLAN, Void.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(RETRY_AFTER_FAILURE))
                .execute((instance, ctx) -> {
                    Instant now = clock.instant();
                    WarmupEngine.DayPlan plan = engine.replan(instance.getId(), now);
                    SchedulerClient client = ctx.getSchedulerClient();
                    for (SendRecord row : plan.planned()) {
                        client.scheduleIfNotExists(send.instance(Long.toString(row.id())),
                                row.dueAt().isAfter(now) ? row.dueAt() : now);
                    }
                    return next(plan.next());
                });
        this.sync = Tasks.recurring(SYNC, FixedDelay.of(engine.settings().syncInterval()))
                .execute((instance, ctx) -> {
                    Instant now = clock.instant();
                    SchedulerClient client = ctx.getSchedulerClient();
                    for (String address : engine.sync(defaults, now)) {
                        client.scheduleIfNotExists(replan.instance(address), now);
                        client.scheduleIfNotExists(engage.instance(address), now);
                    }
                });
    }

    /** The tasks to pass to {@code JobScheduler.start}. */
    public List<Task<?>> tasks() {
        return List.of(sync, replan, send, engage);
    }

    private static CustomTask<Void> perInstance(String name, Function<String, Optional<Instant>> step) {
        return Tasks.custom(name, Void.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(RETRY_AFTER_FAILURE))
                .execute((instance, ctx) -> next(step.apply(instance.getId())));
    }

    private static CompletionHandler<Void> next(Optional<Instant> when) {
        return when.<CompletionHandler<Void>>map(t -> (complete, ops) -> ops.reschedule(complete, t))
                .orElseGet(CompletionHandler.OnCompleteRemove::new);
    }
}
