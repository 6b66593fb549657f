package org.maildoctor.store;

import java.util.Optional;

/** Bulk jobs (minimal for now: later issues add listing and claiming). */
public interface JobRepository {

    /** A new job in {@link JobStatus#QUEUED} with no progress. */
    Job create(String kind, String payload);

    Optional<Job> get(long id);

    /** Sets status and progress; empty if there is no such job. */
    Optional<Job> updateStatus(long id, JobStatus status, JobProgress progress);
}
