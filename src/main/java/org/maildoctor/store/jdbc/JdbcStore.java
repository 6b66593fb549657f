package org.maildoctor.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.maildoctor.store.JobRepository;
import org.maildoctor.store.SchedulerRunRepository;
import org.maildoctor.store.SettingsRepository;
import org.maildoctor.store.Store;
import org.maildoctor.store.StoreConfig;
import org.maildoctor.store.StoreException;
import org.maildoctor.store.ReceivedMessageRepository;
import org.maildoctor.store.TokenRepository;

/** {@link Store} over a HikariCP pool, migrated by Flyway on open. */
public final class JdbcStore implements Store {
    private static final long CONNECT_TIMEOUT_MS = 5_000;
    static final String H2_BIND_ADDRESS = "h2.bindAddress";

    static {
        // H2's automatic mixed mode serves the file over TCP on all interfaces by default; only local
        // processes need it. H2 reads this once, when its SysProperties class loads, which happens on
        // the first connection, i.e. after this. An explicit -Dh2.bindAddress wins.
        if (System.getProperty(H2_BIND_ADDRESS) == null) {
            System.setProperty(H2_BIND_ADDRESS, "127.0.0.1");
        }
    }

    private final HikariDataSource dataSource;
    private final DatabaseTarget target;
    private final Clock clock;
    private final SettingsRepository settings;
    private final TokenRepository tokens;
    private final ReceivedMessageRepository received;
    private final JobRepository jobs;
    private final SchedulerRunRepository schedulerRuns;

    private JdbcStore(HikariDataSource dataSource, DatabaseTarget target, Clock clock) {
        this.dataSource = dataSource;
        this.target = target;
        this.clock = clock;
        Jdbc jdbc = new Jdbc(dataSource, target.description());
        this.settings = new JdbcSettingsRepository(jdbc, clock);
        this.tokens = new JdbcTokenRepository(jdbc, clock);
        this.received = new JdbcReceivedMessageRepository(jdbc, clock);
        this.jobs = new JdbcJobRepository(jdbc, clock);
        this.schedulerRuns = new JdbcSchedulerRunRepository(jdbc);
    }

    public static Store open(StoreConfig config, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        DatabaseTarget target = DatabaseTarget.resolve(config);
        if (target.h2File() != null) {
            createDataDir(config.dataDir());
        }
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(poolConfig(target));
        } catch (RuntimeException e) {
            throw StoreErrors.onOpen(e, target);
        }
        try {
            migrate(ds);
        } catch (RuntimeException e) {
            ds.close();
            throw StoreErrors.onOpen(e, target);
        }
        return new JdbcStore(ds, target, clock);
    }

    private static HikariConfig poolConfig(DatabaseTarget target) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("maildoctor-store");
        hc.setJdbcUrl(target.jdbcUrl());
        // small: a CLI command needs one connection, serve a few (web requests + scheduler threads)
        hc.setMaximumPoolSize(8);
        hc.setMinimumIdle(1);
        hc.setConnectionTimeout(CONNECT_TIMEOUT_MS);
        hc.setValidationTimeout(2_000);
        hc.setIdleTimeout(60_000);
        hc.setMaxLifetime(30 * 60_000);
        // try once at start-up and fail with the driver's reason instead of waiting for a connection
        hc.setInitializationFailTimeout(1);
        if (target.vendor() == DatabaseTarget.Vendor.POSTGRESQL) {
            // seconds; the driver's own default (10s connect, no socket timeout) could hang a CLI command
            hc.addDataSourceProperty("connectTimeout", "5");
            hc.addDataSourceProperty("loginTimeout", "5");
            hc.addDataSourceProperty("socketTimeout", "300");
            hc.addDataSourceProperty("ApplicationName", "maildoctor");
        }
        return hc;
    }

    private static void migrate(DataSource ds) {
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }

    private static void createDataDir(Path dir) {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                // the database and the H2 auto-server key live here: owner only
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        } catch (FileAlreadyExistsException e) {
            throw new StoreException("data directory " + dir + " exists but is not a directory", e);
        } catch (IOException e) {
            throw new StoreException("cannot create data directory " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public SettingsRepository settings() {
        return settings;
    }

    @Override
    public TokenRepository tokens() {
        return tokens;
    }

    @Override
    public ReceivedMessageRepository received() {
        return received;
    }

    @Override
    public JobRepository jobs() {
        return jobs;
    }

    @Override
    public SchedulerRunRepository schedulerRuns() {
        return schedulerRuns;
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public String describe() {
        return target.description();
    }

    @Override
    public Optional<String> schemaVersion() {
        try {
            MigrationInfo current = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                    .load().info().current();
            return current == null || current.getVersion() == null
                    ? Optional.empty() : Optional.of(current.getVersion().getVersion());
        } catch (RuntimeException e) {
            throw new StoreException("cannot read the schema version of " + describe() + ": "
                    + StoreErrors.firstLine(e.getMessage()), e);
        }
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public void ping() {
        try (Connection c = dataSource.getConnection()) {
            if (!c.isValid(2)) {
                throw new StoreException("database " + describe() + " does not answer");
            }
        } catch (SQLException | RuntimeException e) {
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("database " + describe() + " is unavailable: " + StoreErrors.firstLine(e.getMessage()), e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
