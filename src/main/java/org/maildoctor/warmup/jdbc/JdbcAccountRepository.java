package org.maildoctor.warmup.jdbc;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.maildoctor.store.jdbc.MailboxTable;
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

    private final MailboxTable<WarmupAccount> table;
    private final Clock clock;

    public JdbcAccountRepository(DataSource dataSource, Clock clock) {
        this.table = new MailboxTable<>(dataSource, "warmup_account", COLUMNS, "warm-up accounts",
                rs -> new WarmupAccount(rs.getLong("id"), rs.getString("address"),
                        MailboxProvider.parse(rs.getString("provider")),
                        new Endpoint(rs.getString("smtp_host"), rs.getInt("smtp_port"),
                                TlsMode.parse(rs.getString("smtp_tls"))),
                        new Endpoint(rs.getString("imap_host"), rs.getInt("imap_port"),
                                TlsMode.parse(rs.getString("imap_tls"))),
                        rs.getString("username"), AuthKind.parse(rs.getString("auth_kind")),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()));
        this.clock = clock;
    }

    @Override
    public WarmupAccount add(NewAccount a, String sealedSecret) {
        return table.insert(a.address(), "provider, smtp_host, smtp_port, smtp_tls, imap_host, imap_port, imap_tls, "
                + "username, auth_kind, secret_sealed, created_at", 12, ps -> {
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
                    ps.setObject(12, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                }, MailboxTable.normalise(a.address()) + " is already a warm-up account");
    }

    @Override
    public List<WarmupAccount> list() {
        return table.list("address");
    }

    @Override
    public Optional<WarmupAccount> find(String address) {
        return table.find(address);
    }

    @Override
    public Optional<String> sealedSecret(String address) {
        return table.sealedSecret(address);
    }

    @Override
    public boolean remove(String address) {
        return table.remove(address);
    }
}
