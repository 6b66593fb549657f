package org.maildoctor.store;

import java.util.List;
import java.util.Optional;

/** Log of recurring-task executions (the scheduler heartbeat writes here). */
public interface SchedulerRunRepository {

    void record(SchedulerRun run);

    /** The most recent run of {@code taskName}. */
    Optional<SchedulerRun> latest(String taskName);

    /** All runs of {@code taskName}, oldest first. */
    List<SchedulerRun> list(String taskName);
}
