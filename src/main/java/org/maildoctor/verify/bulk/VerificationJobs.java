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
     * Puts back rows claimed before {@code claimedBefore} whose probe had not started (no RCPT was
     * sent for them) when their worker died, and returns how many: asking them is safe.
     */
    long releaseClaims(long jobId, Instant claimedBefore);

    /**
     * Records, durably and before their first RCPT TO is written, that the probe of these claimed
     * rows has started (state STARTED), in one transaction.
     */
    void markStarted(long jobId, List<Long> rows);

    /**
     * Takes over up to {@code max} rows started before {@code claimedBefore} without a result —
     * their RCPT was in flight when their worker died — for {@code worker} (re-stamped, so no other
     * worker takes them too), lowest row numbers first. The caller records a verdict for each.
     */
    List<InputRow> claimInterrupted(long jobId, String worker, Instant claimedBefore, int max);

    /**
     * The opt-in to probe interrupted rows again: rows started before {@code claimedBefore}
     * without a result, and rows whose stored verdict is {@code interrupted} (the result is
     * deleted), go back to pending. Returns how many.
     */
    long retryInterrupted(long jobId, Instant claimedBefore);

    /** Rows claimed or started now (in flight somewhere). */
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
