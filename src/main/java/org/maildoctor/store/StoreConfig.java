package org.maildoctor.store;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the store lives: the embedded H2 database in {@code dataDir} unless {@code jdbcUrl} names
 * another database ({@code jdbc:postgresql://host:port/db?user=...&password=...}).
 * The CLI fills it from {@code --data-dir} / {@code --db} / {@code MAILDOCTOR_DB}.
 */
public record StoreConfig(Path dataDir, Optional<String> jdbcUrl) {

    public StoreConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        jdbcUrl = jdbcUrl.map(String::trim).filter(s -> !s.isEmpty());
    }

    /** The embedded H2 database in {@code dataDir}. */
    public static StoreConfig embedded(Path dataDir) {
        return new StoreConfig(dataDir, Optional.empty());
    }

    /** {@code jdbcUrl} may be null or blank, meaning the embedded database. */
    public static StoreConfig of(Path dataDir, String jdbcUrl) {
        return new StoreConfig(dataDir, Optional.ofNullable(jdbcUrl));
    }
}
