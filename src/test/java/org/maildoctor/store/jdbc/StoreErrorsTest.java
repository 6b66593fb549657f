package org.maildoctor.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.maildoctor.store.StoreConfig;

/** Message mapping for failures the test servers cannot provoke (the PostgreSQL there trusts everyone). */
class StoreErrorsTest {
    private static final DatabaseTarget PG = DatabaseTarget.resolve(StoreConfig.of(Path.of("/d"),
            "jdbc:postgresql://db.example:6543/md?user=md&password=hunter2"));
    private static final DatabaseTarget H2 = DatabaseTarget.resolve(StoreConfig.embedded(Path.of("/srv/md")));

    @Test
    void wrongPasswordSaysSoWithoutThePassword() {
        var e = StoreErrors.onOpen(new RuntimeException("pool init",
                new SQLException("FATAL: password authentication failed for user \"md\"", "28P01")), PG);
        assertThat(e.getMessage())
                .isEqualTo("PostgreSQL at db.example:6543 rejected the password (FATAL: password authentication failed for user \"md\")")
                .doesNotContain("hunter2");
    }

    @Test
    void connectionFailureNamesHostAndPort() {
        var e = StoreErrors.onOpen(new SQLException("The connection attempt failed.", "08001"), PG);
        assertThat(e.getMessage()).isEqualTo("cannot connect to PostgreSQL at db.example:6543: The connection attempt failed.");
    }

    @Test
    void otherFailuresNameTheDatabaseWithoutPassword() {
        var e = StoreErrors.onOpen(new SQLException("something odd\nsecond line", "XX000"), PG);
        assertThat(e.getMessage()).isEqualTo(
                "cannot open database PostgreSQL jdbc:postgresql://db.example:6543/md?user=md&password=***: something odd");
    }

    @Test
    void h2LockNamesTheFile() {
        var e = StoreErrors.onOpen(new SQLException("Database may be already in use", "90020", 90020), H2);
        assertThat(e.getMessage()).startsWith("database file /srv/md/maildoctor.mv.db is locked: another process holds it");
    }

    @Test
    void h2VersionMismatchIsTreatedAsNotAnH2Database() {
        var e = StoreErrors.onOpen(new SQLException("Unsupported database file version", "90048", 90048), H2);
        assertThat(e.getMessage()).startsWith("database file /srv/md/maildoctor.mv.db is corrupt or not an H2 database: ");
    }
}
