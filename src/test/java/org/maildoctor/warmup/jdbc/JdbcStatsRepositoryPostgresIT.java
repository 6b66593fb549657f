package org.maildoctor.warmup.jdbc;

import java.nio.file.Path;
import org.maildoctor.store.PostgresTestDatabase;
import org.maildoctor.store.Store;
import org.maildoctor.store.StoreConfig;

/** The warm-up stats store on the PostgreSQL test server, one fresh schema per test. */
class JdbcStatsRepositoryPostgresIT extends StatsRepositoryContract {
    private PostgresTestDatabase db;

    @Override
    Store openStore() throws Exception {
        db = PostgresTestDatabase.create();
        return Store.open(StoreConfig.of(Path.of("unused"), db.url()));
    }

    @Override
    void dropStore() throws Exception {
        db.close();
    }
}
