package org.maildoctor.warmup.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import javax.sql.DataSource;
import org.maildoctor.store.StoreException;
import org.maildoctor.warmup.MailboxAge;
import org.maildoctor.warmup.MailboxProvider;
import org.maildoctor.warmup.RampRequest;
import org.maildoctor.warmup.engine.AccountStatus;
import org.maildoctor.warmup.engine.Enrolment;
import org.maildoctor.warmup.engine.RampRepository;

/**
 * Ramps and status in table {@code warmup_ramp} (migration V22), one row per enrolled account; the
 * row goes with the account ({@code ON DELETE CASCADE}). The provider is the account's.
 */
public final class JdbcRampRepository implements RampRepository {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String SELECT = "SELECT r.address, a.provider, r.start_volume, r.target_volume, r.step, r.cap, "
            + "r.mailbox_age, r.campaign_volume, r.weekdays_only, r.reply_rate, r.time_zone, r.business_start, "
            + "r.business_end, r.start_date, r.seed, r.status, r.problem, r.status_at "
            + "FROM warmup_ramp r JOIN warmup_account a ON a.address = r.address";
    private static final int PROBLEM_MAX = 1000;

    private final DataSource dataSource;

    public JdbcRampRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean enrol(String address, RampRequest ramp, Instant now) {
        if (ramp.startDate().isEmpty()) {
            throw new IllegalArgumentException("an enrolled ramp needs a start date");
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO warmup_ramp (address, start_volume, "
                     + "target_volume, step, cap, mailbox_age, campaign_volume, weekdays_only, reply_rate, time_zone, "
                     + "business_start, business_end, start_date, seed, status, problem, status_at) "
                     + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)")) {
            ps.setString(1, normalise(address));
            int i = bindRamp(ps, 2, ramp);
            ps.setString(i, AccountStatus.ACTIVE.key());
            ps.setObject(i + 1, JdbcSendLedger.utc(now));
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw failure(e);
        }
    }

    @Override
    public boolean update(String address, RampRequest ramp) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE warmup_ramp SET start_volume = ?, target_volume = ?, "
                     + "step = ?, cap = ?, mailbox_age = ?, campaign_volume = ?, weekdays_only = ?, reply_rate = ?, "
                     + "time_zone = ?, business_start = ?, business_end = ?, start_date = ?, seed = ? WHERE address = ?")) {
            int i = bindRamp(ps, 1, ramp);
            ps.setString(i, normalise(address));
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static int bindRamp(PreparedStatement ps, int i, RampRequest r) throws SQLException {
        ps.setInt(i++, r.start());
        ps.setInt(i++, r.target());
        ps.setInt(i++, r.step());
        if (r.capOverride().isPresent()) {
            ps.setInt(i++, r.capOverride().getAsInt());
        } else {
            ps.setNull(i++, java.sql.Types.INTEGER);
        }
        ps.setString(i++, r.age().key());
        ps.setInt(i++, r.campaignVolume());
        ps.setBoolean(i++, r.weekdaysOnly());
        ps.setDouble(i++, r.replyRate());
        ps.setString(i++, r.zone().getId());
        ps.setInt(i++, r.businessStart().toSecondOfDay());
        ps.setInt(i++, r.businessEnd().toSecondOfDay());
        ps.setObject(i++, r.startDate().orElseThrow());
        ps.setLong(i++, r.seed());
        return i;
    }

    @Override
    public Optional<Enrolment> find(String address) {
        return query(SELECT + " WHERE r.address = ?", normalise(address)).stream().findFirst();
    }

    @Override
    public List<Enrolment> list() {
        return query(SELECT + " ORDER BY r.address", null);
    }

    @Override
    public boolean pause(String address, String problem, Instant now) {
        String p = problem == null ? "paused" : problem.length() > PROBLEM_MAX ? problem.substring(0, PROBLEM_MAX) : problem;
        return setStatus(address, AccountStatus.PAUSED, p, now);
    }

    @Override
    public boolean note(String address, String problem, Instant now) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE warmup_ramp SET problem = ? WHERE address = ? AND status = ?")) {
            if (problem == null) {
                ps.setNull(1, java.sql.Types.VARCHAR);
            } else {
                ps.setString(1, problem.length() > PROBLEM_MAX ? problem.substring(0, PROBLEM_MAX) : problem);
            }
            ps.setString(2, normalise(address));
            ps.setString(3, AccountStatus.ACTIVE.key());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public boolean resume(String address, Instant now) {
        return setStatus(address, AccountStatus.ACTIVE, null, now);
    }

    private boolean setStatus(String address, AccountStatus status, String problem, Instant now) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE warmup_ramp SET status = ?, problem = ?, status_at = ? WHERE address = ?")) {
            ps.setString(1, status.key());
            if (problem == null) {
                ps.setNull(2, java.sql.Types.VARCHAR);
            } else {
                ps.setString(2, problem);
            }
            ps.setObject(3, JdbcSendLedger.utc(now));
            ps.setString(4, normalise(address));
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private List<Enrolment> query(String sql, String param) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (param != null) {
                ps.setString(1, param);
            }
            List<Enrolment> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static Enrolment read(ResultSet rs) throws SQLException {
        int cap = rs.getInt("cap");
        OptionalInt capOverride = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(cap);
        MailboxAge age = "new".equals(rs.getString("mailbox_age")) ? MailboxAge.NEW : MailboxAge.AGED;
        RampRequest ramp = new RampRequest(rs.getInt("start_volume"), rs.getInt("target_volume"), rs.getInt("step"),
                MailboxProvider.parse(rs.getString("provider")), capOverride, age, rs.getInt("campaign_volume"),
                rs.getBoolean("weekdays_only"), rs.getDouble("reply_rate"), ZoneId.of(rs.getString("time_zone")),
                LocalTime.ofSecondOfDay(rs.getInt("business_start")), LocalTime.ofSecondOfDay(rs.getInt("business_end")),
                Optional.of(rs.getObject("start_date", LocalDate.class)), rs.getLong("seed"), 0);
        return new Enrolment(rs.getString("address"), ramp, AccountStatus.parse(rs.getString("status")),
                rs.getString("problem"), rs.getObject("status_at", OffsetDateTime.class).toInstant());
    }

    private static String normalise(String address) {
        return address.trim().toLowerCase(Locale.ROOT);
    }

    private static StoreException failure(SQLException e) {
        return new StoreException("warm-up ramps: database error " + e.getSQLState() + ": " + e.getMessage(), e);
    }
}
