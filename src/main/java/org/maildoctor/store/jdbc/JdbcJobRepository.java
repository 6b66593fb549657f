package org.maildoctor.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.maildoctor.store.Job;
import org.maildoctor.store.JobProgress;
import org.maildoctor.store.JobRepository;
import org.maildoctor.store.JobStatus;

final class JdbcJobRepository implements JobRepository {
    private static final String COLUMNS =
            "id, kind, status, created_at, updated_at, payload, total_count, done_count, failed_count";

    private final Jdbc jdbc;
    private final Clock clock;

    JdbcJobRepository(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Job create(String kind, String payload) {
        Objects.requireNonNull(kind, "kind");
        Instant now = Jdbc.truncate(clock.instant());
        long id = jdbc.insertReturningId(
                "INSERT INTO job (kind, status, created_at, updated_at, payload, total_count, done_count, failed_count)"
                        + " VALUES (?, ?, ?, ?, ?, 0, 0, 0)",
                ps -> {
                    ps.setString(1, kind);
                    ps.setString(2, JobStatus.QUEUED.name());
                    Jdbc.setInstant(ps, 3, now);
                    Jdbc.setInstant(ps, 4, now);
                    ps.setString(5, payload);
                });
        return new Job(id, kind, JobStatus.QUEUED, now, now, payload, JobProgress.NONE);
    }

    @Override
    public Optional<Job> get(long id) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM job WHERE id = ?", ps -> ps.setLong(1, id),
                JdbcJobRepository::map);
    }

    @Override
    public Optional<Job> updateStatus(long id, JobStatus status, JobProgress progress) {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(progress, "progress");
        Instant now = clock.instant();
        int rows = jdbc.update(
                "UPDATE job SET status = ?, updated_at = ?, total_count = ?, done_count = ?, failed_count = ? WHERE id = ?",
                ps -> {
                    ps.setString(1, status.name());
                    Jdbc.setInstant(ps, 2, now);
                    ps.setLong(3, progress.total());
                    ps.setLong(4, progress.done());
                    ps.setLong(5, progress.failed());
                    ps.setLong(6, id);
                });
        return rows == 0 ? Optional.empty() : get(id);
    }

    private static Job map(ResultSet rs) throws SQLException {
        return new Job(rs.getLong("id"), rs.getString("kind"), JobStatus.valueOf(rs.getString("status")),
                Jdbc.getInstant(rs, "created_at"), Jdbc.getInstant(rs, "updated_at"), rs.getString("payload"),
                new JobProgress(rs.getLong("total_count"), rs.getLong("done_count"), rs.getLong("failed_count")));
    }
}
