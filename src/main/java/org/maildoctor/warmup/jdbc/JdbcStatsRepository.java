package org.maildoctor.warmup.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.maildoctor.store.StoreException;
import org.maildoctor.warmup.engage.Observation;
import org.maildoctor.warmup.engage.Placement;
import org.maildoctor.warmup.tracking.DailyStats;
import org.maildoctor.warmup.tracking.StatsRepository;

/**
 * Warm-up counters in the store's database (tables {@code warmup_daily} and {@code warmup_observation},
 * migration V21). An observation is booked once per (receiver, token): the first sighting counts the
 * placement; a later pass only adds what changed since (the first reply, the first authentication
 * failure, a message first reported MISSING and found after all). Each of those is a conditional
 * UPDATE on the observation row, so two passes racing on PostgreSQL still book it once.
 */
public final class JdbcStatsRepository implements StatsRepository {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String COLUMNS = "mailbox, stat_day, sent, received, placed_inbox, placed_spam, "
            + "placed_category, placed_other, placed_missing, replies, bounces, auth_failures";

    private final DataSource dataSource;

    public JdbcStatsRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void recordSent(String mailbox, LocalDate day) {
        increment(mailbox, day, "sent");
    }

    @Override
    public void recordBounce(String mailbox, LocalDate day) {
        increment(mailbox, day, "bounces");
    }

    private void increment(String mailbox, LocalDate day, String column) {
        try (Connection c = dataSource.getConnection()) {
            ensureDay(c, normalise(mailbox), day);
            add(c, normalise(mailbox), day, column, 1);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public void recordObservation(String receiver, LocalDate day, Observation o) {
        String to = normalise(receiver);
        String from = o.from() == null || o.from().isBlank() ? null : normalise(o.from());
        try (Connection c = dataSource.getConnection()) {
            // day rows first, in autocommit: a missing row then cannot abort the transaction below
            ensureDay(c, to, day);
            if (from != null) {
                ensureDay(c, from, day);
            }
            c.setAutoCommit(false);
            try {
                boolean fresh = !exists(c, to, o.token()) && insertObservation(c, to, from, day, o);
                if (fresh) {
                    add(c, to, day, "received", 1);
                    if (from != null) {
                        add(c, from, day, column(o.placement()), 1);
                        add(c, from, day, "replies", o.replied() ? 1 : 0);
                        add(c, from, day, "auth_failures", Boolean.FALSE.equals(o.authPassed()) ? 1 : 0);
                    }
                } else {
                    bookChanges(c, to, o);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** False when another pass inserted the same observation first (its transaction goes on as a repeat). */
    private static boolean insertObservation(Connection c, String receiver, String sender, LocalDate day,
                                             Observation o) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO warmup_observation (receiver, token, sender, "
                + "stat_day, placement, folder, rescued, replied, auth_failed, first_seen) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, receiver);
            ps.setString(2, o.token());
            ps.setString(3, sender);
            ps.setObject(4, day);
            ps.setString(5, o.placement().name());
            ps.setString(6, o.folder());
            ps.setBoolean(7, o.rescued());
            ps.setBoolean(8, o.replied());
            ps.setBoolean(9, Boolean.FALSE.equals(o.authPassed()));
            ps.setObject(10, OffsetDateTime.ofInstant(o.seenAt(), ZoneOffset.UTC));
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                // PostgreSQL has aborted the transaction: start over, now as a repeat sighting
                c.rollback();
                return false;
            }
            throw e;
        }
    }

    /** A repeat sighting: book only first-time changes, on the day the message was first seen. */
    private static void bookChanges(Connection c, String receiver, Observation o) throws SQLException {
        String sender;
        LocalDate day;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT sender, stat_day FROM warmup_observation WHERE receiver = ? AND token = ?")) {
            ps.setString(1, receiver);
            ps.setString(2, o.token());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException("warm-up observation " + o.token() + " vanished");
                }
                sender = rs.getString(1);
                day = rs.getObject(2, LocalDate.class);
            }
        }
        if (sender == null) {
            return;
        }
        if (o.replied() && flip(c, "replied = TRUE", "replied = FALSE", receiver, o.token())) {
            add(c, sender, day, "replies", 1);
        }
        if (Boolean.FALSE.equals(o.authPassed())
                && flip(c, "auth_failed = TRUE", "auth_failed = FALSE", receiver, o.token())) {
            add(c, sender, day, "auth_failures", 1);
        }
        if (o.placement() != Placement.MISSING && flip(c, "placement = '" + o.placement().name() + "'",
                "placement = 'MISSING'", receiver, o.token())) {
            add(c, sender, day, "placed_missing", -1);
            add(c, sender, day, column(o.placement()), 1);
        }
    }

    /** Sets {@code change} where {@code condition} still holds; true when this call made the change. */
    private static boolean flip(Connection c, String change, String condition, String receiver, String token)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE warmup_observation SET " + change
                + " WHERE receiver = ? AND token = ? AND " + condition)) {
            ps.setString(1, receiver);
            ps.setString(2, token);
            return ps.executeUpdate() == 1;
        }
    }

    private static boolean exists(Connection c, String receiver, String token) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM warmup_observation WHERE receiver = ? AND token = ?")) {
            ps.setString(1, receiver);
            ps.setString(2, token);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Creates the day's row unless it exists; a concurrent creator winning the race is fine. */
    private static void ensureDay(Connection c, String mailbox, LocalDate day) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO warmup_daily (mailbox, stat_day) SELECT ?, ? "
                + "WHERE NOT EXISTS (SELECT 1 FROM warmup_daily WHERE mailbox = ? AND stat_day = ?)")) {
            ps.setString(1, mailbox);
            ps.setObject(2, day);
            ps.setString(3, mailbox);
            ps.setObject(4, day);
            ps.executeUpdate();
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    /** {@code column} is always one of this class's constants, never input. */
    private static void add(Connection c, String mailbox, LocalDate day, String column, int delta)
            throws SQLException {
        if (delta == 0) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE warmup_daily SET " + column + " = " + column
                + " + ? WHERE mailbox = ? AND stat_day = ?")) {
            ps.setInt(1, delta);
            ps.setString(2, mailbox);
            ps.setObject(3, day);
            if (ps.executeUpdate() != 1) {
                throw new StoreException("warm-up stats: no row for " + mailbox + " on " + day);
            }
        }
    }

    private static String column(Placement p) {
        return switch (p) {
            case INBOX -> "placed_inbox";
            case SPAM -> "placed_spam";
            case CATEGORY -> "placed_category";
            case OTHER -> "placed_other";
            case MISSING -> "placed_missing";
        };
    }

    @Override
    public List<DailyStats> days(String mailbox, LocalDate from, LocalDate to) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM warmup_daily WHERE mailbox = ? "
                     + "AND stat_day BETWEEN ? AND ? ORDER BY stat_day")) {
            ps.setString(1, normalise(mailbox));
            ps.setObject(2, from);
            ps.setObject(3, to);
            List<DailyStats> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DailyStats(rs.getString("mailbox"), rs.getObject("stat_day", LocalDate.class),
                            rs.getInt("sent"), rs.getInt("received"), rs.getInt("placed_inbox"),
                            rs.getInt("placed_spam"), rs.getInt("placed_category"), rs.getInt("placed_other"),
                            rs.getInt("placed_missing"), rs.getInt("replies"), rs.getInt("bounces"),
                            rs.getInt("auth_failures")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static String normalise(String address) {
        return address.trim().toLowerCase(Locale.ROOT);
    }

    private static StoreException failure(SQLException e) {
        return new StoreException("warm-up stats: database error " + e.getSQLState() + ": " + e.getMessage(), e);
    }
}
