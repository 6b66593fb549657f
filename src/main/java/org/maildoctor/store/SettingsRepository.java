package org.maildoctor.store;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Key/value settings shared by every process using the store. */
public interface SettingsRepository {

    Optional<Setting> get(String key);

    /** All settings ordered by key. */
    List<Setting> list();

    /** Sets {@code key} to {@code value} unconditionally (last writer wins); returns the stored row. */
    Setting put(String key, String value);

    /** Returns true when the key existed. */
    boolean delete(String key);

    /**
     * Writes {@code value} only if the stored version is still {@code expectedVersion}
     * ({@code 0} = the key must not exist yet). Returns false when someone else wrote in between.
     */
    boolean compareAndSet(String key, long expectedVersion, String value);

    /**
     * Read-modify-write that never loses a concurrent update: {@code fn} gets the current value
     * ({@code null} when absent) and may be called again if another writer got in first, so it must
     * be free of side effects. Returns the row that was written.
     */
    Setting update(String key, UnaryOperator<String> fn);
}
