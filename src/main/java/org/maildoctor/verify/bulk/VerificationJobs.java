package org.maildoctor.verify.bulk;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The durable state of bulk jobs (adapter: {@code verify.jdbc.JdbcVerificationJobs}). A job is
 * identified by a key derived from its input, so running the same command again resumes it.
 */
public interface VerificationJobs {

    /** The job for {@code key}, created (status running) when there is none. */
    JobRef openOrCreate(String key, String description);

    record JobRef(long id, boolean resumed, String status) {
    }

    void setTotal(long jobId, long total);

    /** Input rows imported so far (rows 1..n); import resumes after them. */
    long importedRows(long jobId);

    /** Imports input rows (state pending) in one transaction. */
    void importRows(long jobId, List<InputRow> rows);

    record InputRow(long row, String address) {
    }

    /**
     * Claims up to {@code max} pending rows for {@code worker}, lowest row numbers first, committed
     * before they are returned; two workers never get the same row (PostgreSQL: SKIP LOCKED).
     */
    List<InputRow> claim(long jobId, String worker, int max);

    /**
     * Puts back rows claimed before {@code claimedBefore} that have no result — their probe was in
     * flight when their worker died — and returns how many.
     */
    long releaseClaims(long jobId, Instant claimedBefore);

    /** Rows claimed now (in flight somewhere). */
    long claimedCount(long jobId);

    /** Stores results and marks their rows done, in one transaction. */
    void record(long jobId, List<RowResult> rows);

    /** Number of rows with a result. */
    long doneCount(long jobId);

    /** Every result in row order, streamed. */
    void forEachResult(long jobId, Consumer<RowResult> consumer);

    /** {@code verdict/reason} → count. */
    Map<String, Long> counts(long jobId);

    void finish(long jobId);

    /** Status and progress of a job, empty if there is no verification job with this id. */
    java.util.Optional<JobState> state(long jobId);

    record JobState(long id, String status, long total, long done, String description) {
    }
}
