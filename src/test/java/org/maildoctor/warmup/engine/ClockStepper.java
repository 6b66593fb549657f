package org.maildoctor.warmup.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * Runs the schedulers through simulated days: moves the shared clock to the next due execution (at
 * least {@code minStep} on, so a day of sends takes a handful of steps), then waits until every
 * execution due by then has run. The clock never moves while an execution runs, so db-scheduler's
 * heartbeat checks see no dead executions, and each step sees the state the previous one left.
 */
final class ClockStepper {
    private final TickingClock clock;
    private final DataSource db;
    private final Duration minStep;
    int steps;

    ClockStepper(TickingClock clock, DataSource db, Duration minStep) {
        this.clock = clock;
        this.db = db;
        this.minStep = minStep;
    }

    /** Steps until the clock reaches {@code end}. */
    void runUntil(Instant end) throws Exception {
        drain(clock.instant());
        while (clock.instant().isBefore(end)) {
            Instant next = clock.instant().plus(minStep);
            Instant due = nextDue();
            if (due != null && due.isAfter(next)) {
                next = due;
            }
            if (next.isAfter(end)) {
                next = end;
            }
            clock.advance(Duration.between(clock.instant(), next));
            steps++;
            drain(next);
        }
    }

    /**
     * Waits until no execution due by {@code at} is left (none waiting, none running). Executions that
     * reschedule themselves a little later (a throttled send) are not waited for: the clock ticks, and
     * they would be due again and again; the next step runs them.
     */
    void drain(Instant at) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (dueBy(at) > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the schedulers did not finish the executions due at " + clock.instant()
                        + ": " + dump());
            }
            Thread.sleep(5);
        }
    }

    private String dump() throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT task_name, task_instance, execution_time, picked, picked_by, consecutive_failures "
                        + "FROM scheduled_tasks ORDER BY execution_time");
             ResultSet rs = ps.executeQuery()) {
            for (int n = 0; rs.next() && n < 20; n++) {
                out.append('\n').append(rs.getString(1)).append('/').append(rs.getString(2)).append(' ')
                        .append(rs.getObject(3)).append(" picked=").append(rs.getBoolean(4)).append(' ')
                        .append(rs.getString(5)).append(" failures=").append(rs.getInt(6));
            }
        }
        return out.toString();
    }

    private int dueBy(Instant at) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM scheduled_tasks WHERE execution_time <= ?")) {
            ps.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The earliest execution of the warm-up tasks (the heartbeat and sync follow the clock anyway). */
    private Instant nextDue() throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT MIN(execution_time) FROM scheduled_tasks WHERE task_name NOT IN ('heartbeat', 'warmup-sync')");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            OffsetDateTime t = rs.getObject(1, OffsetDateTime.class);
            return t == null ? null : t.toInstant();
        }
    }
}
