package org.maildoctor.verify.jdbc;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Instant;
import java.util.function.Supplier;
import org.maildoctor.store.jobs.JobScheduler;
import org.maildoctor.verify.bulk.BulkJobRunner;
import org.maildoctor.verify.bulk.VerificationJobs;

/**
 * Bulk verification workers as db-scheduler executions, so the nodes of a cluster (PostgreSQL)
 * work one job together: {@link #submit} schedules N executions of {@value #TASK} for an imported
 * job; each node's {@link JobScheduler} picks some (an execution runs on exactly one node) and
 * runs {@link BulkJobRunner#work} — rows are claimed with SKIP LOCKED, per-MX session slots are
 * shared through {@link JdbcHostSlots}. An execution whose node died is revived by db-scheduler
 * on another node, which takes over the dead node's rows once their claim lease has passed.
 */
public final class ClusterWorkers {
    public static final String TASK = "verify-bulk-worker";

    private ClusterWorkers() {
    }

    /**
     * The task every node registers ({@code JobScheduler.start(…, List.of(task(…)))}).
     *
     * @param runner this node's runner, made per execution (a verifier's caches belong to one job);
     *               its worker name should name the node
     */
    public static OneTimeTask<Long> task(Supplier<BulkJobRunner> runner, VerificationJobs jobs) {
        return Tasks.oneTime(TASK, Long.class).execute((instance, ctx) -> {
            long jobId = instance.getData();
            runner.get().work(new VerificationJobs.JobRef(jobId, true, "RUNNING"), null);
            // the last worker out marks the job done (the others may still store their last rows)
            if (jobs.claimedCount(jobId) == 0 && jobs.state(jobId).map(s -> s.done() >= s.total()).orElse(false)) {
                jobs.finish(jobId);
            }
        });
    }

    /** Schedules {@code workers} executions for an imported job ({@link BulkJobRunner#prepare}). */
    public static void submit(JobScheduler scheduler, OneTimeTask<Long> task, long jobId, int workers, Instant at) {
        for (int i = 0; i < workers; i++) {
            scheduler.scheduleIfNotExists(task.instance("job-" + jobId + "-worker-" + i, jobId), at);
        }
    }
}
