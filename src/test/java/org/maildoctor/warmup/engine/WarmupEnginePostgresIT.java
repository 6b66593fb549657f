package org.maildoctor.warmup.engine;

import java.nio.file.Path;
import org.maildoctor.store.MutableClock;
import org.maildoctor.store.PostgresTestDatabase;
import org.maildoctor.store.Store;
import org.maildoctor.store.StoreConfig;

/** The engine on the PostgreSQL test server, one fresh schema per test. */
class WarmupEnginePostgresIT extends WarmupEngineContract {
    private PostgresTestDatabase db;

    @Override
    Store openStore(MutableClock clock) throws Exception {
        db = PostgresTestDatabase.create();
        return Store.open(StoreConfig.of(Path.of("unused"), db.url()), clock);
    }

    @Override
    Store openSecond() {
        return Store.open(StoreConfig.of(Path.of("unused"), db.url()), clock);
    }

    @Override
    void dropStore() throws Exception {
        db.close();
    }
}
