package org.maildoctor.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;
import org.maildoctor.store.Setting;
import org.maildoctor.store.SettingsRepository;
import org.maildoctor.store.StoreException;

/** Settings with optimistic concurrency on a version column (no locks held between statements). */
final class JdbcSettingsRepository implements SettingsRepository {
    private static final String COLUMNS = "setting_key, setting_value, updated_at, version";
    /** Far more than contention between a handful of processes needs; bounds a livelock. */
    private static final int MAX_ATTEMPTS = 10_000;

    private final Jdbc jdbc;
    private final Clock clock;

    JdbcSettingsRepository(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<Setting> get(String key) {
        Objects.requireNonNull(key, "key");
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM settings WHERE setting_key = ?",
                ps -> ps.setString(1, key), JdbcSettingsRepository::map);
    }

    @Override
    public List<Setting> list() {
        return jdbc.query("SELECT " + COLUMNS + " FROM settings ORDER BY setting_key",
                ps -> { }, JdbcSettingsRepository::map);
    }

    @Override
    public Setting put(String key, String value) {
        // A CAS loop rather than a vendor-specific MERGE/ON CONFLICT: one SQL for H2 and PostgreSQL.
        return update(key, old -> value);
    }

    @Override
    public boolean delete(String key) {
        Objects.requireNonNull(key, "key");
        return jdbc.update("DELETE FROM settings WHERE setting_key = ?", ps -> ps.setString(1, key)) > 0;
    }

    @Override
    public boolean compareAndSet(String key, long expectedVersion, String value) {
        return write(key, expectedVersion, value, clock.instant()) != null;
    }

    @Override
    public Setting update(String key, UnaryOperator<String> fn) {
        Objects.requireNonNull(key, "key");
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Setting> current = get(key);
            String next = fn.apply(current.map(Setting::value).orElse(null));
            Setting written = write(key, current.map(Setting::version).orElse(0L), next, clock.instant());
            if (written != null) {
                return written;
            }
            // lost the race: back off a little so two writers do not keep colliding in lockstep
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(50_000, 500_000L * Math.min(attempt + 1, 10)));
        }
        throw new StoreException("setting '" + key + "' is being changed too often by others; gave up after "
                + MAX_ATTEMPTS + " attempts");
    }

    /** One compare-and-set attempt; null when the expected version did not match. */
    private Setting write(String key, long expectedVersion, String value, Instant now) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Instant at = Jdbc.truncate(now);
        if (expectedVersion == 0) {
            try {
                jdbc.updateOrThrow("INSERT INTO settings (" + COLUMNS + ") VALUES (?, ?, ?, 1)", ps -> {
                    ps.setString(1, key);
                    ps.setString(2, value);
                    Jdbc.setInstant(ps, 3, at);
                });
                return new Setting(key, value, at, 1);
            } catch (SQLException e) {
                if (Jdbc.isUniqueViolation(e)) {
                    return null;
                }
                throw jdbc.failure(e);
            }
        }
        int rows = jdbc.update(
                "UPDATE settings SET setting_value = ?, updated_at = ?, version = version + 1"
                        + " WHERE setting_key = ? AND version = ?",
                ps -> {
                    ps.setString(1, value);
                    Jdbc.setInstant(ps, 2, at);
                    ps.setString(3, key);
                    ps.setLong(4, expectedVersion);
                });
        return rows == 1 ? new Setting(key, value, at, expectedVersion + 1) : null;
    }

    private static Setting map(ResultSet rs) throws SQLException {
        return new Setting(rs.getString("setting_key"), rs.getString("setting_value"),
                Jdbc.getInstant(rs, "updated_at"), rs.getLong("version"));
    }
}
