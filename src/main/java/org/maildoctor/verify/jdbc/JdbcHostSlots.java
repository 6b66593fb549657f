package org.maildoctor.verify.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.maildoctor.store.StoreException;
import org.maildoctor.verify.HostSlots;

/**
 * {@link HostSlots} shared by every node through {@code verification_mx_lease} (migration V3): a
 * session takes slot 0..limit-1 of its MX host with a compare-and-set update (or the insert of a
 * new slot row), so the limit holds across nodes. A slot whose holder died frees itself when its
 * lease ({@code ttl}, longer than any session) expires.
 */
public final class JdbcHostSlots implements HostSlots {
    /** Polling, not LISTEN/NOTIFY: it must work on H2 too, and a session lasts seconds. */
    private static final Duration POLL = Duration.ofMillis(50);

    private final DataSource ds;
    private final Clock clock;
    private final String node;
    private final int perHost;
    private final Duration ttl;

    public JdbcHostSlots(DataSource ds, Clock clock, String node, int perHost, Duration ttl) {
        if (perHost < 1) {
            throw new IllegalArgumentException("perHost must be at least 1");
        }
        this.ds = ds;
        this.clock = clock;
        this.node = node;
        this.perHost = perHost;
        this.ttl = ttl;
    }

    @Override
    public Slot acquire(String host) throws InterruptedException {
        String holder = node + "/" + UUID.randomUUID();
        while (true) {
            for (int slot = 0; slot < perHost; slot++) {
                if (take(host, slot, holder)) {
                    int taken = slot;
                    return () -> release(host, taken, holder);
                }
            }
            Thread.sleep(POLL);
        }
    }

    private boolean take(String host, int slot, String holder) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE verification_mx_lease SET holder = ?, expires_at = ?"
                    + " WHERE mx_host = ? AND slot = ? AND (holder IS NULL OR expires_at < ?)")) {
                ps.setString(1, holder);
                ps.setObject(2, now.plus(ttl));
                ps.setString(3, host);
                ps.setInt(4, slot);
                ps.setObject(5, now);
                if (ps.executeUpdate() == 1) {
                    return true;
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO verification_mx_lease (mx_host, slot, holder, expires_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, host);
                ps.setInt(2, slot);
                ps.setString(3, holder);
                ps.setObject(4, now.plus(ttl));
                return ps.executeUpdate() == 1;
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                    return false; // the slot exists and is held
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("MX slot store: " + e.getMessage(), e);
        }
    }

    private void release(String host, int slot, String holder) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE verification_mx_lease SET holder = NULL WHERE mx_host = ? AND slot = ? AND holder = ?")) {
            ps.setString(1, host);
            ps.setInt(2, slot);
            ps.setString(3, holder);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("MX slot store: " + e.getMessage(), e);
        }
    }
}
