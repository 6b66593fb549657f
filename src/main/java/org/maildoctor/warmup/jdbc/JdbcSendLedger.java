package org.maildoctor.warmup.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.maildoctor.store.StoreException;
import org.maildoctor.warmup.engine.PlannedSend;
import org.maildoctor.warmup.engine.SendLedger;
import org.maildoctor.warmup.engine.SendRecord;
import org.maildoctor.warmup.engine.SendState;

/**
 * The send ledger in table {@code warmup_send} (migration V22). Every change is one UPDATE guarded by
 * the expected state, so it is a compare-and-set on H2 and PostgreSQL alike without explicit locks.
 */
public final class JdbcSendLedger implements SendLedger {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String COLUMNS = "id, sender, send_day, seq, due_at, recipient, message_id, token, content_seed, state, "
            + "attempts, claimed_by, claimed_at, detail";
    private static final int DETAIL_MAX = 1000;

    private final DataSource dataSource;

    public JdbcSendLedger(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<SendRecord> plan(String sender, LocalDate day, List<PlannedSend> rows) {
        try (Connection c = dataSource.getConnection()) {
            List<SendRecord> existing = rows(c, sender, day);
            java.util.Set<Integer> taken = new java.util.HashSet<>();
            existing.forEach(r -> taken.add(r.seq()));
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO warmup_send (sender, send_day, seq, due_at, "
                    + "recipient, message_id, token, content_seed, state, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
                for (PlannedSend r : rows) {
                    if (taken.contains(r.seq())) {
                        continue;
                    }
                    ps.setString(1, r.sender());
                    ps.setObject(2, r.day());
                    ps.setInt(3, r.seq());
                    ps.setObject(4, utc(r.dueAt()));
                    ps.setString(5, r.recipient());
                    ps.setString(6, r.messageId());
                    ps.setString(7, r.token());
                    ps.setLong(8, r.seed());
                    ps.setString(9, SendState.PLANNED.key());
                    try {
                        ps.executeUpdate();
                    } catch (SQLException e) {
                        // another node planned the same slot meanwhile: its row stands
                        if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                            throw e;
                        }
                    }
                }
            }
            return rows(c, sender, day);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public int cancelAbove(String sender, LocalDate day, int volume, Instant now) {
        return update("UPDATE warmup_send SET state = ?, detail = ?, done_at = ? WHERE sender = ? AND send_day = ? "
                + "AND seq > ? AND state = ?", SendState.CANCELLED.key(), "re-plan lowered the day's volume to " + volume,
                utc(now), sender, day, volume, SendState.PLANNED.key());
    }

    @Override
    public Optional<SendRecord> find(long id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM warmup_send WHERE id = ?")) {
            ps.setLong(1, id);
            List<SendRecord> out = read(ps);
            return out.stream().findFirst();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public boolean claim(long id, SendState expected, String node, Instant now) {
        return update("UPDATE warmup_send SET state = ?, claimed_by = ?, claimed_at = ?, attempts = attempts + 1 "
                + "WHERE id = ? AND state = ?", SendState.SENDING.key(), node, utc(now), id, expected.key()) == 1;
    }

    @Override
    public boolean move(long id, SendState from, SendState to, String detail, Instant now) {
        String d = detail == null ? null : detail.length() > DETAIL_MAX ? detail.substring(0, DETAIL_MAX) : detail;
        return update("UPDATE warmup_send SET state = ?, detail = ?, done_at = ? WHERE id = ? AND state = ?",
                to.key(), d, to.isFinal() ? utc(now) : null, id, from.key()) == 1;
    }

    @Override
    public List<SendRecord> rows(String sender, LocalDate day) {
        try (Connection c = dataSource.getConnection()) {
            return rows(c, sender, day);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public Map<SendState, Integer> count(LocalDate day) {
        Map<SendState, Integer> out = new EnumMap<>(SendState.class);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT state, COUNT(*) FROM warmup_send WHERE send_day = ? GROUP BY state")) {
            ps.setObject(1, day);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(SendState.parse(rs.getString(1)), rs.getInt(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static List<SendRecord> rows(Connection c, String sender, LocalDate day) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM warmup_send WHERE sender = ? AND send_day = ? ORDER BY seq")) {
            ps.setString(1, sender);
            ps.setObject(2, day);
            return read(ps);
        }
    }

    private static List<SendRecord> read(PreparedStatement ps) throws SQLException {
        List<SendRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                OffsetDateTime claimed = rs.getObject("claimed_at", OffsetDateTime.class);
                out.add(new SendRecord(rs.getLong("id"), rs.getString("sender"),
                        rs.getObject("send_day", LocalDate.class), rs.getInt("seq"),
                        rs.getObject("due_at", OffsetDateTime.class).toInstant(), rs.getString("recipient"),
                        rs.getString("message_id"), rs.getString("token"), rs.getLong("content_seed"), SendState.parse(rs.getString("state")),
                        rs.getInt("attempts"), rs.getString("claimed_by"), claimed == null ? null : claimed.toInstant(),
                        rs.getString("detail")));
            }
        }
        return out;
    }

    private int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] == null) {
                    ps.setNull(i + 1, java.sql.Types.NULL);
                } else {
                    ps.setObject(i + 1, params[i]);
                }
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    static OffsetDateTime utc(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static StoreException failure(SQLException e) {
        return new StoreException("warm-up send ledger: database error " + e.getSQLState() + ": " + e.getMessage(), e);
    }
}
