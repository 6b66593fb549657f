package org.maildoctor.placement.jdbc;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.maildoctor.placement.Seed;
import org.maildoctor.placement.SeedRepository;
import org.maildoctor.store.jdbc.MailboxTable;
import org.maildoctor.warmup.MailboxProvider;
import org.maildoctor.warmup.account.Endpoint;
import org.maildoctor.warmup.account.TlsMode;

/** Seed mailboxes in the store's database (table {@code placement_seed}, migration V24). */
public final class JdbcSeedRepository implements SeedRepository {
    private static final String COLUMNS = "id, address, provider, imap_host, imap_port, imap_tls, username, created_at";

    private final MailboxTable<Seed> table;
    private final Clock clock;

    public JdbcSeedRepository(DataSource dataSource, Clock clock) {
        this.table = new MailboxTable<>(dataSource, "placement_seed", COLUMNS, "placement seeds",
                rs -> new Seed(rs.getLong("id"), rs.getString("address"),
                        MailboxProvider.parse(rs.getString("provider")),
                        new Endpoint(rs.getString("imap_host"), rs.getInt("imap_port"),
                                TlsMode.parse(rs.getString("imap_tls"))),
                        rs.getString("username"), rs.getObject("created_at", OffsetDateTime.class).toInstant()));
        this.clock = clock;
    }

    @Override
    public Seed add(NewSeed s, String sealedSecret) {
        return table.insert(s.address(), "provider, imap_host, imap_port, imap_tls, username, secret_sealed, created_at",
                8, ps -> {
                    ps.setString(2, s.provider().key());
                    ps.setString(3, s.imap().host());
                    ps.setInt(4, s.imap().port());
                    ps.setString(5, s.imap().tls().key());
                    ps.setString(6, s.username());
                    ps.setString(7, sealedSecret);
                    ps.setObject(8, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                }, normalise(s.address()) + " is already a seed");
    }

    @Override
    public List<Seed> list() {
        return table.list("provider, address");
    }

    @Override
    public Optional<Seed> find(String address) {
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

    /** One spelling per address, as the warm-up accounts store it. */
    public static String normalise(String address) {
        return MailboxTable.normalise(address);
    }
}
