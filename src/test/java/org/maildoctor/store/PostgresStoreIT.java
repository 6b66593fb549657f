package org.maildoctor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The store contract on the PostgreSQL server, one fresh schema per test. */
class PostgresStoreIT extends StoreContract {
    private PostgresTestDatabase db;

    @Override
    protected StoreConfig freshDatabase() throws Exception {
        db = PostgresTestDatabase.create();
        // the data dir must be irrelevant when --db is given: point it somewhere that cannot be created
        return new StoreConfig(Path.of("/proc/maildoctor-must-not-create-this"), Optional.of(db.url()));
    }

    @Override
    protected void dropDatabase() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void describeNamesPostgresWithoutPassword() {
        assertThat(store.describe()).startsWith("PostgreSQL jdbc:postgresql://127.0.0.1:5432/test");
        try (Store withPassword = Store.open(StoreConfig.of(Path.of("unused"), db.url() + "&password=s3cret"))) {
            assertThat(withPassword.describe()).doesNotContain("s3cret").contains("password=***");
        }
    }

    @Test
    void unreachableServerFailsFastNamingHostAndPort() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> Store.open(StoreConfig.of(Path.of("unused"), "jdbc:postgresql://127.0.0.1:1/test?user=postgres")))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot connect to PostgreSQL at 127.0.0.1:1:");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void blackholedServerTimesOut() {
        // 10.255.255.1 is unroutable here: the connect must give up after the 5 s connect timeout
        long start = System.nanoTime();
        assertThatThrownBy(() -> Store.open(StoreConfig.of(Path.of("unused"), "jdbc:postgresql://10.255.255.1:5432/test?user=postgres")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("10.255.255.1:5432");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void missingDatabaseIsNamed() {
        assertThatThrownBy(() -> Store.open(StoreConfig.of(Path.of("unused"),
                "jdbc:postgresql://127.0.0.1:5432/md_no_such_db?user=postgres")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("127.0.0.1:5432")
                .hasMessageContaining("md_no_such_db");
    }

    @Test
    void unknownRoleIsALoginFailure() {
        assertThatThrownBy(() -> Store.open(StoreConfig.of(Path.of("unused"),
                "jdbc:postgresql://127.0.0.1:5432/test?user=md_no_such_role")))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("PostgreSQL at 127.0.0.1:5432 rejected the login");
    }
}
