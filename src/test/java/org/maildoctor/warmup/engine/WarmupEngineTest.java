package org.maildoctor.warmup.engine;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.maildoctor.store.MutableClock;
import org.maildoctor.store.Store;
import org.maildoctor.store.StoreConfig;

/** The engine on embedded H2 (PostgreSQL: {@link WarmupEnginePostgresIT}). */
class WarmupEngineTest extends WarmupEngineContract {
    @TempDir
    Path dir;

    @Override
    Store openStore(MutableClock clock) {
        return Store.open(StoreConfig.embedded(dir.resolve("db")), clock);
    }

    @Override
    Store openSecond() {
        return Store.open(StoreConfig.embedded(dir.resolve("db")), clock);
    }

    @Override
    void dropStore() {
        // the temp dir goes with the test
    }
}
