package org.maildoctor.warmup.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.maildoctor.store.StoreException;
import org.maildoctor.warmup.MailboxProvider;
import org.maildoctor.warmup.account.AccountRepository;
import org.maildoctor.warmup.account.AuthKind;
import org.maildoctor.warmup.account.Endpoint;
import org.maildoctor.warmup.account.TlsMode;
import org.maildoctor.warmup.account.WarmupAccount;

/** Warm-up accounts in the store's database (table {@code warmup_account}, migration V20). */
public final class JdbcAccountRepository implements AccountRepository {
    private static final String COLUMNS = "id, address, provider, smtp_host, smtp_port, smtp_tls, imap_host, imap_port, "
            + "imap_tls, username, auth_kind, created_at";
    private static final String UNIQUE_VIOLATION = WarmupSql.UNIQUE_VIOLATION;

    private final DataSource dataSource;
    private final Clock clock;

    public JdbcAccountRepository(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public WarmupAccount add(NewAccount a, String sealedSecret) {
        String address = normalise(a.address());
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO warmup_account (address, provider, smtp_host, "
                     + "smtp_port, smtp_tls, imap_host, imap_port, imap_tls, username, auth_kind, secret_sealed, "
                     + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, address);
            ps.setString(2, a.provider().key());
            ps.setString(3, a.smtp().host());
            ps.setInt(4, a.smtp().port());
            ps.setString(5, a.smtp().tls().key());
            ps.setString(6, a.imap().host());
            ps.setInt(7, a.imap().port());
            ps.setString(8, a.imap().tls().key());
            ps.setString(9, a.username());
            ps.setString(10, a.auth().key());
            ps.setString(11, sealedSecret);
            ps.setObject(12, now);
            ps.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new IllegalArgumentException(address + " is already a warm-up account");
            }
            throw failure(e);
        }
        return find(address).orElseThrow(() -> new StoreException("account " + address + " vanished after insert"));
    }

    @Override
    public List<WarmupAccount> list() {
        return query("SELECT " + COLUMNS + " FROM warmup_account ORDER BY address", null);
    }

    @Override
    public Optional<WarmupAccount> find(String address) {
        return query("SELECT " + COLUMNS + " FROM warmup_account WHERE address = ?", normalise(address)).stream()
                .findFirst();
    }

    @Override
    public Optional<String> sealedSecret(String address) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT secret_sealed FROM warmup_account WHERE address = ?")) {
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
             PreparedStatement ps = c.prepareStatement("DELETE FROM warmup_account WHERE address = ?")) {
            ps.setString(1, normalise(address));
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private List<WarmupAccount> query(String sql, String param) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (param != null) {
                ps.setString(1, param);
            }
            List<WarmupAccount> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new WarmupAccount(rs.getLong("id"), rs.getString("address"),
                            MailboxProvider.parse(rs.getString("provider")),
                            new Endpoint(rs.getString("smtp_host"), rs.getInt("smtp_port"),
                                    TlsMode.parse(rs.getString("smtp_tls"))),
                            new Endpoint(rs.getString("imap_host"), rs.getInt("imap_port"),
                                    TlsMode.parse(rs.getString("imap_tls"))),
                            rs.getString("username"), AuthKind.parse(rs.getString("auth_kind")),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static String normalise(String address) {
        return WarmupSql.normalise(address);
    }

    private static StoreException failure(SQLException e) {
        return WarmupSql.failure("warm-up accounts", e);
    }
}
