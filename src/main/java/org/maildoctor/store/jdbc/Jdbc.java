package org.maildoctor.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.maildoctor.store.StoreException;

/** Thin JDBC helpers shared by the repositories (auto-commit statements, portable timestamps). */
final class Jdbc {
    /** SQLState of a unique/primary key violation on both H2 and PostgreSQL. */
    static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final String description;

    Jdbc(DataSource dataSource, String description) {
        this.dataSource = dataSource;
        this.description = description;
    }

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    <T> Optional<T> queryOne(String sql, Binder binder, RowMapper<T> mapper) {
        List<T> rows = query(sql, binder, mapper);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    int update(String sql, Binder binder) {
        try {
            return updateOrThrow(sql, binder);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Like {@link #update} but lets the caller react to e.g. a unique violation. */
    int updateOrThrow(String sql, Binder binder) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        }
    }

    @FunctionalInterface
    interface ItemBinder<T> {
        void bind(PreparedStatement ps, T item) throws SQLException;
    }

    @FunctionalInterface
    interface TransactionWork<R> {
        R run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    <R> R inTransaction(TransactionWork<R> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                R result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Runs {@code sql} once per item as a JDBC batch in one transaction; all or nothing. */
    <T> void batch(String sql, List<T> items, ItemBinder<T> binder) {
        inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (T item : items) {
                    binder.bind(ps, item);
                    ps.addBatch();
                }
                return ps.executeBatch();
            }
        });
    }

    /** Runs an insert per item in one transaction and returns each generated {@code id}; all or nothing. */
    <T> List<Long> insertAllReturningIds(String sql, List<T> items, ItemBinder<T> binder) {
        return inTransaction(c -> {
            List<Long> ids = new ArrayList<>(items.size());
            try (PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
                for (T item : items) {
                    binder.bind(ps, item);
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        if (!keys.next()) {
                            throw new StoreException("database " + description + " returned no generated id");
                        }
                        ids.add(keys.getLong(1));
                    }
                }
            }
            return ids;
        });
    }

    /** Runs an insert and returns the generated {@code id} column. */
    long insertReturningId(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
            binder.bind(ps);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new StoreException("database " + description + " returned no generated id");
                }
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    StoreException failure(SQLException e) {
        return StoreErrors.translate(e, description);
    }

    static boolean isUniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }

    /**
     * PostgreSQL keeps microseconds; truncating before writing makes what we return equal what a
     * later read returns, on both databases.
     */
    static Instant truncate(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    static void setInstant(PreparedStatement ps, int index, Instant t) throws SQLException {
        ps.setObject(index, t == null ? null : OffsetDateTime.ofInstant(truncate(t), ZoneOffset.UTC));
    }

    static Instant getInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
