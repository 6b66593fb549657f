package org.maildoctor.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.maildoctor.store.StoreException;

/**
 * A table of mailboxes keyed by address with a sealed (encrypted) secret column, as the warm-up accounts
 * and the placement seeds are: insert, list, find, read the sealed secret, remove. Addresses are stored in
 * one spelling ({@link #normalise}); the caller names its columns and maps its rows.
 *
 * @param <T> the row's record
 */
public final class MailboxTable<T> {
    /** Maps the current row of a {@code SELECT columns}. */
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Binds an INSERT's parameters after the address (parameter 1). */
    public interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final String table;
    private final String columns;
    private final String what;
    private final RowMapper<T> mapper;

    /**
     * @param columns the columns {@code mapper} reads
     * @param what    the rows in messages, plural ("warm-up accounts", "placement seeds")
     */
    public MailboxTable(DataSource dataSource, String table, String columns, String what, RowMapper<T> mapper) {
        this.dataSource = dataSource;
        this.table = table;
        this.columns = columns;
        this.what = what;
        this.mapper = mapper;
    }

    /** Addresses compare case-insensitively in practice; one spelling is stored. */
    public static String normalise(String address) {
        return address.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Inserts {@code address} (parameter 1) and the {@code insertColumns} bound by {@code binder}, then reads
     * the row back. A second row for the address is an {@link IllegalArgumentException} saying {@code duplicate}.
     */
    public T insert(String address, String insertColumns, int parameters, Binder binder, String duplicate) {
        String a = normalise(address);
        String marks = "?" + ", ?".repeat(parameters - 1);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (address, " + insertColumns
                     + ") VALUES (" + marks + ")")) {
            ps.setString(1, a);
            binder.bind(ps);
            ps.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new IllegalArgumentException(duplicate);
            }
            throw failure(e);
        }
        return find(a).orElseThrow(() -> new StoreException(a + " vanished from " + table + " after insert"));
    }

    /** Every row, in {@code orderBy} order. */
    public List<T> list(String orderBy) {
        return query("SELECT " + columns + " FROM " + table + " ORDER BY " + orderBy, null);
    }

    public Optional<T> find(String address) {
        return query("SELECT " + columns + " FROM " + table + " WHERE address = ?", normalise(address)).stream()
                .findFirst();
    }

    public Optional<String> sealedSecret(String address) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT secret_sealed FROM " + table + " WHERE address = ?")) {
            ps.setString(1, normalise(address));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** True when the row existed. */
    public boolean remove(String address) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE address = ?")) {
            ps.setString(1, normalise(address));
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private List<T> query(String sql, String param) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (param != null) {
                ps.setString(1, param);
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private StoreException failure(SQLException e) {
        return new StoreException(what + ": database error " + e.getSQLState() + ": " + e.getMessage(), e);
    }
}
