package org.maildoctor.store;

import java.nio.file.Files;
import java.nio.file.Path;

/** The highest Flyway version shipped, so store tests need no edit for every new migration. */
public final class ShippedMigrations {
    private ShippedMigrations() {
    }

    public static String latestVersion() {
        try {
            Path dir = Path.of(ShippedMigrations.class.getResource("/db/migration").toURI());
            try (var files = Files.list(dir)) {
                return String.valueOf(files.map(f -> f.getFileName().toString())
                        .filter(n -> n.matches("V\\d+__.*\\.sql"))
                        .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
                        .max().orElseThrow());
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot list db/migration on the test classpath", e);
        }
    }
}
