package org.maildoctor.placement.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.maildoctor.placement.Seed;
import org.maildoctor.placement.SeedRepository;
import org.maildoctor.store.StoreException;
import org.maildoctor.warmup.MailboxProvider;
import org.maildoctor.warmup.account.Endpoint;
import org.maildoctor.warmup.account.TlsMode;

/** Seed mailboxes in the store's database (table {@code placement_seed}, migration V24). */
public final class JdbcSeedRepository implements SeedRepository {
    private static final String COLUMNS = "id, address, provider, imap_host, imap_port, imap_tls, username, created_at";
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final Clock clock;

    public JdbcSeedRepository(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public Seed add(NewSeed s, String sealedSecret) {
        String address = normalise(s.address());
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO placement_seed (address, provider, imap_host, "
                     + "imap_port, imap_tls, username, secret_sealed, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, address);
            ps.setString(2, s.provider().key());
            ps.setString(3, s.imap().host());
            ps.setInt(4, s.imap().port());
            ps.setString(5, s.imap().tls().key());
            ps.setString(6, s.username());
            ps.setString(7, sealedSecret);
            ps.setObject(8, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            ps.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new IllegalArgumentException(address + " is already a seed");
            }
            throw failure(e);
        }
        return find(address).orElseThrow(() -> new StoreException("seed " + address + " vanished after insert"));
    }

    @Override
    public List<Seed> list() {
        return query("SELECT " + COLUMNS + " FROM placement_seed ORDER BY provider, address", null);
    }

    @Override
    public Optional<Seed> find(String address) {
        return query("SELECT " + COLUMNS + " FROM placement_seed WHERE address = ?", normalise(address)).stream()
                .findFirst();
    }

    @Override
    public Optional<String> sealedSecret(String address) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT secret_sealed FROM placement_seed WHERE address = ?")) {
            ps.setString(1, normalise(address));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public boolean remove(String address) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM placement_seed WHERE address = ?")) {
            ps.setString(1, normalise(address));
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private List<Seed> query(String sql, String param) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (param != null) {
                ps.setString(1, param);
            }
            List<Seed> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Seed(rs.getLong("id"), rs.getString("address"),
                            MailboxProvider.parse(rs.getString("provider")),
                            new Endpoint(rs.getString("imap_host"), rs.getInt("imap_port"),
                                    TlsMode.parse(rs.getString("imap_tls"))),
                            rs.getString("username"), rs.getObject("created_at", OffsetDateTime.class).toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** One spelling per address, as the warm-up accounts store it. */
    public static String normalise(String address) {
        return address.trim().toLowerCase(Locale.ROOT);
    }

    private static StoreException failure(SQLException e) {
        return new StoreException("placement seeds: database error " + e.getSQLState() + ": " + e.getMessage(), e);
    }
}
