package org.maildoctor.verify.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.maildoctor.store.StoreException;
import org.maildoctor.verify.bulk.RowResult;
import org.maildoctor.verify.bulk.VerificationJobs;

/** {@link VerificationJobs} on the store's database (tables of migration V2, rows of {@code job}). */
public final class JdbcVerificationJobs implements VerificationJobs {
    static final String KIND = "verify";

    private final DataSource ds;
    private final Clock clock;

    public JdbcVerificationJobs(DataSource ds, Clock clock) {
        this.ds = ds;
        this.clock = clock;
    }

    @Override
    public JobRef openOrCreate(String key, String description) {
        Optional<JobRef> existing = find(key);
        if (existing.isPresent()) {
            update("UPDATE job SET status = 'RUNNING', updated_at = ? WHERE id = ?", existing.get().id());
            return existing.get();
        }
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                long id;
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO job (kind, status, created_at, updated_at,"
                        + " payload, total_count, done_count, failed_count) VALUES (?, 'RUNNING', ?, ?, ?, 0, 0, 0)",
                        new String[] {"id"})) {
                    ps.setString(1, KIND);
                    ps.setObject(2, now());
                    ps.setObject(3, now());
                    ps.setString(4, "{\"input\":" + jsonString(description) + "}");
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO verification_job (job_id, job_key, description) VALUES (?, ?, ?)")) {
                    ps.setLong(1, id);
                    ps.setString(2, key);
                    ps.setString(3, description.length() > 4000 ? description.substring(0, 4000) : description);
                    ps.executeUpdate();
                }
                c.commit();
                return new JobRef(id, false, "RUNNING");
            } catch (SQLException e) {
                c.rollback();
                if ("23505".equals(e.getSQLState())) {
                    // another process created it a moment ago: use that one
                    return find(key).orElseThrow(() -> fail(e));
                }
                throw e;
            }
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    private Optional<JobRef> find(String key) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT j.id, j.status FROM verification_job v JOIN job j ON j.id = v.job_id WHERE v.job_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new JobRef(rs.getLong(1), true, rs.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    @Override
    public void setTotal(long jobId, long total) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE job SET total_count = ?, updated_at = ? WHERE id = ?")) {
            ps.setLong(1, total);
            ps.setObject(2, now());
            ps.setLong(3, jobId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    @Override
    public long importedRows(long jobId) {
        return countForJob("SELECT COALESCE(MAX(row_no), 0) FROM verification_row WHERE job_id = ?", jobId);
    }

    @Override
    public void importRows(long jobId, List<InputRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO verification_row (job_id, row_no, address,"
                    + " state, claims) VALUES (?, ?, ?, 'PENDING', 0)")) {
                for (InputRow r : rows) {
                    ps.setLong(1, jobId);
                    ps.setLong(2, r.row());
                    ps.setString(3, r.address().length() > 1000 ? r.address().substring(0, 1000) : r.address());
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    @Override
    public List<InputRow> claim(long jobId, String worker, int max) {
        return take(jobId, worker, "state = 'PENDING'", null, "CLAIMED", max);
    }

    @Override
    public List<InputRow> claimInterrupted(long jobId, String worker, Instant claimedBefore, int max) {
        return take(jobId, worker, "state = 'STARTED' AND claimed_at < ?", claimedBefore, "STARTED", max);
    }

    /**
     * Selects up to {@code max} rows matching {@code where} (with {@code before} as its one
     * parameter, if any) and stamps them for {@code worker} with state {@code to}, in one committed
     * transaction before they are returned.
     */
    private List<InputRow> take(long jobId, String worker, String where, Instant before, String to, int max) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                // ORDER BY the whole index (job_id, state: constants here) so H2 reads it in order and
                // stops at the limit; ORDER BY row_no alone made H2 sort every pending row per claim.
                // PostgreSQL: rows another worker is claiming right now are skipped, not waited for.
                // H2: no FOR UPDATE — H2 locks every row the condition matches before the limit
                // applies (a 1M-row job spent a minute per claim); the guarded UPDATE below, whose
                // per-row counts say which rows this transaction really took, keeps claims exclusive
                String lock = postgres(c) ? " FOR UPDATE SKIP LOCKED" : "";
                List<InputRow> rows = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT row_no, address FROM verification_row"
                        + " WHERE job_id = ? AND " + where + " ORDER BY job_id, state, row_no FETCH FIRST " + max + " ROWS ONLY"
                        + lock)) {
                    ps.setLong(1, jobId);
                    if (before != null) {
                        ps.setObject(2, utc(before));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rows.add(new InputRow(rs.getLong(1), rs.getString(2)));
                        }
                    }
                }
                List<InputRow> taken = new ArrayList<>(rows.size());
                try (PreparedStatement ps = c.prepareStatement("UPDATE verification_row SET state = ?,"
                        + " claimed_by = ?, claimed_at = ?, claims = claims + 1 WHERE job_id = ? AND row_no = ? AND "
                        + where)) {
                    for (InputRow r : rows) {
                        ps.setString(1, to);
                        ps.setString(2, worker);
                        ps.setObject(3, now());
                        ps.setLong(4, jobId);
                        ps.setLong(5, r.row());
                        if (before != null) {
                            ps.setObject(6, utc(before));
                        }
                        ps.addBatch();
                    }
                    int[] counts = rows.isEmpty() ? new int[0] : ps.executeBatch();
                    for (int i = 0; i < rows.size(); i++) {
                        if (counts[i] != 0) {
                            taken.add(rows.get(i));
                        }
                    }
                }
                c.commit();
                return taken;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    @Override
    public void markStarted(long jobId, List<Long> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE verification_row SET state = 'STARTED' WHERE job_id = ? AND row_no = ? AND state = 'CLAIMED'")) {
            for (long row : rows) {
                ps.setLong(1, jobId);
                ps.setLong(2, row);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    @Override
    public long retryInterrupted(long jobId, Instant claimedBefore) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement started = c.prepareStatement("UPDATE verification_row SET state = 'PENDING',"
                    + " claimed_by = NULL, claimed_at = NULL WHERE job_id = ? AND state = 'STARTED' AND claimed_at < ?");
                 PreparedStatement done = c.prepareStatement("UPDATE verification_row SET state = 'PENDING',"
                         + " claimed_by = NULL, claimed_at = NULL WHERE job_id = ? AND state = 'DONE' AND row_no IN"
                         + " (SELECT row_no FROM verification_result WHERE job_id = ? AND reason = ?)");
                 PreparedStatement delete = c.prepareStatement(
                         "DELETE FROM verification_result WHERE job_id = ? AND reason = ?");
                 PreparedStatement progress = c.prepareStatement(
                         "UPDATE job SET done_count = done_count - ?, updated_at = ? WHERE id = ?")) {
                started.setLong(1, jobId);
                started.setObject(2, utc(claimedBefore));
                long n = started.executeUpdate();
                done.setLong(1, jobId);
                done.setLong(2, jobId);
                done.setString(3, INTERRUPTED);
                n += done.executeUpdate();
                delete.setLong(1, jobId);
                delete.setString(2, INTERRUPTED);
                int deleted = delete.executeUpdate();
                progress.setLong(1, deleted);
                progress.setObject(2, now());
                progress.setLong(3, jobId);
                progress.executeUpdate();
                c.commit();
                return n;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    private static final String INTERRUPTED = org.maildoctor.verify.VerdictReason.INTERRUPTED.code();

    @Override
    public long releaseClaims(long jobId, Instant claimedBefore) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE verification_row SET state = 'PENDING', claimed_by = NULL, claimed_at = NULL"
                        + " WHERE job_id = ? AND state = 'CLAIMED' AND claimed_at < ?")) {
            ps.setLong(1, jobId);
            ps.setObject(2, utc(claimedBefore));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    @Override
    public long claimedCount(long jobId) {
        return countForJob("SELECT COUNT(*) FROM verification_row WHERE job_id = ? AND state IN ('CLAIMED', 'STARTED')", jobId);
    }

    /** One number for one job: the shape of every count query here. */
    private long countForJob(String sql, long jobId) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    static boolean postgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
    }

    @Override
    public void record(long jobId, List<RowResult> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO verification_result (job_id, row_no, address,"
                    + " verdict, reason, sub_reason, flags, suggestion, mx, reply_code, status, smtp_text)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement mark = c.prepareStatement("UPDATE verification_row SET state = 'DONE'"
                         + " WHERE job_id = ? AND row_no = ?");
                 PreparedStatement progress = c.prepareStatement(
                         "UPDATE job SET done_count = done_count + ?, updated_at = ? WHERE id = ?")) {
                for (RowResult r : rows) {
                    ps.setLong(1, jobId);
                    ps.setLong(2, r.row());
                    ps.setString(3, r.address());
                    ps.setString(4, r.verdict());
                    ps.setString(5, r.reason());
                    ps.setString(6, r.subReason());
                    ps.setString(7, r.flags());
                    ps.setString(8, r.suggestion());
                    ps.setString(9, r.mx());
                    if (r.replyCode() == null) {
                        ps.setNull(10, Types.INTEGER);
                    } else {
                        ps.setInt(10, r.replyCode());
                    }
                    ps.setString(11, r.status());
                    ps.setString(12, r.smtpText());
                    ps.addBatch();
                    mark.setLong(1, jobId);
                    mark.setLong(2, r.row());
                    mark.addBatch();
                }
                ps.executeBatch();
                mark.executeBatch();
                progress.setLong(1, rows.size());
                progress.setObject(2, now());
                progress.setLong(3, jobId);
                progress.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    @Override
    public long doneCount(long jobId) {
        return countForJob("SELECT COUNT(*) FROM verification_result WHERE job_id = ?", jobId);
    }

    @Override
    public void forEachResult(long jobId, Consumer<RowResult> consumer) {
        try (Connection c = ds.getConnection()) {
            // PostgreSQL streams with a fetch size only inside a transaction
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT row_no, address, verdict, reason, sub_reason, flags,"
                    + " suggestion, mx, reply_code, status, smtp_text FROM verification_result WHERE job_id = ?"
                    + " ORDER BY job_id, row_no", ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(1000);
                ps.setLong(1, jobId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int code = rs.getInt(9);
                        Integer replyCode = rs.wasNull() ? null : code;
                        consumer.accept(new RowResult(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), replyCode,
                                rs.getString(10), rs.getString(11)));
                    }
                }
            } finally {
                c.commit();
            }
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    @Override
    public Map<String, Long> counts(long jobId) {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT verdict, reason, COUNT(*) FROM verification_result WHERE job_id = ? GROUP BY verdict, reason")) {
            ps.setLong(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3));
                }
            }
        } catch (SQLException e) {
            throw fail(e);
        }
        return out;
    }

    @Override
    public void finish(long jobId) {
        update("UPDATE job SET status = 'SUCCEEDED', updated_at = ? WHERE id = ?", jobId);
    }

    @Override
    public Optional<JobState> state(long jobId) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT j.status, j.total_count, j.done_count, v.description FROM job j JOIN verification_job v"
                        + " ON v.job_id = j.id WHERE j.id = ?")) {
            ps.setLong(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new JobState(jobId, rs.getString(1), rs.getLong(2), rs.getLong(3),
                        rs.getString(4))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    private void update(String sql, long id) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, now());
            ps.setLong(2, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw fail(e);
        }
    }

    private java.time.OffsetDateTime now() {
        return utc(clock.instant());
    }

    private static java.time.OffsetDateTime utc(Instant t) {
        return java.time.OffsetDateTime.ofInstant(t, java.time.ZoneOffset.UTC);
    }

    private static StoreException fail(SQLException e) {
        return new StoreException("verification job store: " + e.getMessage(), e);
    }

    private static String jsonString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
