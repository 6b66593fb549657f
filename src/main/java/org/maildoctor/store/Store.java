package org.maildoctor.store;

import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.maildoctor.store.jdbc.JdbcStore;

/**
 * The database behind maildoctor: embedded H2 in the data directory, or PostgreSQL. Opening it
 * creates the data directory and applies pending migrations. Open one per process and close it on
 * exit; several processes may open the same embedded database at once (H2 automatic mixed mode).
 */
public interface Store extends AutoCloseable {

    /** Opens with the system UTC clock. Throws {@link StoreException} with a user-facing message. */
    static Store open(StoreConfig config) {
        return open(config, Clock.systemUTC());
    }

    /** {@code clock} decides "now" for token expiry and row timestamps (fixed in tests). */
    static Store open(StoreConfig config, Clock clock) {
        return JdbcStore.open(config, clock);
    }

    SettingsRepository settings();

    TokenRepository tokens();

    /** Messages received by the deliverability-test receiver. */
    ReceivedMessageRepository received();

    JobRepository jobs();

    SchedulerRunRepository schedulerRuns();

    /** The pooled data source, for components that need raw JDBC (the job scheduler). */
    DataSource dataSource();

    /** E.g. "H2 file /root/.maildoctor/maildoctor.mv.db" or "PostgreSQL jdbc:postgresql://host:5432/db"; no passwords. */
    String describe();

    /** The applied Flyway migration version, e.g. "1". */
    Optional<String> schemaVersion();

    Clock clock();

    /**
     * Checks the database answers (for health endpoints): returns normally or throws
     * {@link StoreException}; bounded by the pool's 5 s connection timeout plus 2 s validation.
     */
    void ping();

    @Override
    void close();
}
