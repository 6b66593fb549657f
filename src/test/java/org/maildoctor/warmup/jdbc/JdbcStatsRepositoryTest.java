package org.maildoctor.warmup.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.maildoctor.store.Store;
import org.maildoctor.store.StoreConfig;

/** The warm-up stats store on embedded H2 (PostgreSQL: {@link JdbcStatsRepositoryPostgresIT}). */
class JdbcStatsRepositoryTest extends StatsRepositoryContract {
    @TempDir
    Path dir;

    @Override
    Store openStore() {
        return Store.open(StoreConfig.of(dir.resolve("db"), null));
    }

    @Override
    void dropStore() {
        // the temp dir goes with the test
    }
}
