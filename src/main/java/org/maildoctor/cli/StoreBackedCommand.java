package org.maildoctor.cli;

import org.maildoctor.store.Store;
import org.maildoctor.store.StoreConfig;
import org.maildoctor.store.StoreException;

/**
 * A command that works on the store: opens it from {@code --data-dir} / {@code --db}
 * ({@code MAILDOCTOR_DB}) for the duration of the command and turns store failures into exit code 3.
 * Works while {@code maildoctor serve} holds the embedded database (H2 automatic mixed mode).
 */
abstract class StoreBackedCommand extends BaseCommand {

    @Override
    protected final int run() throws Exception {
        try (Store store = Store.open(StoreConfig.of(global.dataDirOrDefault(), global.db))) {
            return run(store);
        } catch (StoreException e) {
            throw CliException.runtime(e.getMessage(), e);
        }
    }

    protected abstract int run(Store store) throws Exception;
}
