package org.maildoctor.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.maildoctor.store.StoreConfig;
import org.maildoctor.store.StoreException;

class DatabaseTargetTest {

    @Test
    void embeddedUsesAutoServerFileInDataDir() {
        DatabaseTarget t = DatabaseTarget.resolve(StoreConfig.embedded(Path.of("/var/lib/md")));
        assertThat(t.vendor()).isEqualTo(DatabaseTarget.Vendor.H2);
        assertThat(t.jdbcUrl()).isEqualTo("jdbc:h2:file:/var/lib/md/maildoctor;AUTO_SERVER=TRUE;WRITE_DELAY=0");
        assertThat(t.h2File()).isEqualTo(Path.of("/var/lib/md/maildoctor.mv.db"));
        assertThat(t.description()).isEqualTo("H2 file /var/lib/md/maildoctor.mv.db");
    }

    @Test
    void blankUrlMeansEmbedded() {
        assertThat(DatabaseTarget.resolve(StoreConfig.of(Path.of("/d"), "  ")).vendor())
                .isEqualTo(DatabaseTarget.Vendor.H2);
        assertThat(DatabaseTarget.resolve(StoreConfig.of(Path.of("/d"), null)).h2File())
                .isEqualTo(Path.of("/d/maildoctor.mv.db"));
    }

    @Test
    void postgresDescriptionHidesPasswordAndKnowsHostPort() {
        DatabaseTarget t = DatabaseTarget.resolve(StoreConfig.of(Path.of("/d"),
                "jdbc:postgresql://db.example:6543/md?user=md&password=hunter2&ssl=true"));
        assertThat(t.vendor()).isEqualTo(DatabaseTarget.Vendor.POSTGRESQL);
        assertThat(t.description()).isEqualTo("PostgreSQL jdbc:postgresql://db.example:6543/md?user=md&password=***&ssl=true");
        assertThat(t.hostPort()).isEqualTo("db.example:6543");
        assertThat(t.jdbcUrl()).contains("hunter2");
    }

    @Test
    void postgresDefaultPort() {
        assertThat(DatabaseTarget.resolve(StoreConfig.of(Path.of("/d"), "jdbc:postgresql://db.example/md")).hostPort())
                .isEqualTo("db.example:5432");
        assertThat(DatabaseTarget.resolve(StoreConfig.of(Path.of("/d"), "jdbc:postgresql:md")).hostPort())
                .isEqualTo("localhost:5432");
    }

    @Test
    void unsupportedUrlIsRejectedWithoutLeakingPassword() {
        assertThatThrownBy(() -> DatabaseTarget.resolve(StoreConfig.of(Path.of("/d"), "jdbc:mysql://h/db?password=pw")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("unsupported database URL jdbc:mysql://h/db?password=***")
                .hasMessageNotContaining("=pw");
    }

    @Test
    void semicolonInDataDirIsRejected() {
        assertThatThrownBy(() -> DatabaseTarget.resolve(StoreConfig.embedded(Path.of("/tmp/a;b"))))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("/tmp/a;b");
    }
}
