package org.maildoctor.verify.bulk;

import java.util.BitSet;
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

    /** Bit {@code i} set when row {@code from + i} already has a result. */
    BitSet doneRows(long jobId, long from, long toInclusive);

    /** Stores results in one transaction; rows that already have a result are left as they are. */
    void record(long jobId, java.util.List<RowResult> rows);

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
