package org.maildoctor.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.maildoctor.store.SchedulerRun;
import org.maildoctor.store.SchedulerRunRepository;

final class JdbcSchedulerRunRepository implements SchedulerRunRepository {
    private final Jdbc jdbc;

    JdbcSchedulerRunRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(SchedulerRun run) {
        jdbc.update("INSERT INTO scheduler_run (task_name, scheduled_for, node, ran_at) VALUES (?, ?, ?, ?)", ps -> {
            ps.setString(1, run.taskName());
            Jdbc.setInstant(ps, 2, run.scheduledFor());
            ps.setString(3, run.node());
            Jdbc.setInstant(ps, 4, run.ranAt());
        });
    }

    @Override
    public Optional<SchedulerRun> latest(String taskName) {
        // FETCH FIRST is standard SQL understood by H2 and PostgreSQL alike (unlike LIMIT in strict modes)
        return jdbc.queryOne("SELECT task_name, scheduled_for, node, ran_at FROM scheduler_run WHERE task_name = ?"
                        + " ORDER BY ran_at DESC, id DESC FETCH FIRST 1 ROWS ONLY",
                ps -> ps.setString(1, taskName), JdbcSchedulerRunRepository::map);
    }

    @Override
    public List<SchedulerRun> list(String taskName) {
        return jdbc.query("SELECT task_name, scheduled_for, node, ran_at FROM scheduler_run WHERE task_name = ?"
                        + " ORDER BY ran_at, id",
                ps -> ps.setString(1, taskName), JdbcSchedulerRunRepository::map);
    }

    private static SchedulerRun map(ResultSet rs) throws SQLException {
        return new SchedulerRun(rs.getString("task_name"), Jdbc.getInstant(rs, "scheduled_for"),
                rs.getString("node"), Jdbc.getInstant(rs, "ran_at"));
    }
}
