package org.maildoctor.store.jdbc;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.maildoctor.store.StoreConfig;
import org.maildoctor.store.StoreException;

/**
 * The database a {@link StoreConfig} points at: the JDBC URL to connect with, and how to name it to
 * a user (file path, or URL without password).
 *
 * @param h2File for the embedded database, the {@code .mv.db} file; else null
 */
record DatabaseTarget(Vendor vendor, String jdbcUrl, String description, Path h2File, String hostPort) {

    enum Vendor { H2, POSTGRESQL }

    /** Base name of the embedded database; H2 adds {@code .mv.db}. */
    static final String H2_NAME = "maildoctor";

    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern PG_HOST = Pattern.compile("(?i)jdbc:postgresql://([^/?]*)");

    static DatabaseTarget resolve(StoreConfig config) {
        Optional<String> url = config.jdbcUrl();
        if (url.isEmpty()) {
            return embedded(config.dataDir());
        }
        String u = url.get();
        String lower = u.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            return new DatabaseTarget(Vendor.POSTGRESQL, u, "PostgreSQL " + redact(u), null, pgHostPort(u));
        }
        if (lower.startsWith("jdbc:h2:")) {
            return new DatabaseTarget(Vendor.H2, u, "H2 " + redact(u), null, null);
        }
        throw new StoreException("unsupported database URL " + redact(u)
                + ": use jdbc:postgresql://HOST:PORT/DATABASE, or leave --db unset for the embedded database");
    }

    static DatabaseTarget embedded(Path dataDir) {
        Path base = dataDir.toAbsolutePath().normalize().resolve(H2_NAME);
        if (base.toString().contains(";")) {
            // ';' separates settings in an H2 URL; such a path cannot be expressed
            throw new StoreException("data directory " + dataDir + " contains ';', which H2 cannot use");
        }
        // AUTO_SERVER: the first process opens the file and serves it over TCP (guarded by a random key
        // in the .lock.db file, readable only through the 0700 data dir) so CLI commands work while
        // `serve` runs. (H2 refuses DB_CLOSE_ON_EXIT=FALSE together with AUTO_SERVER, so H2's own
        // shutdown hook closes the file on JVM exit; Store.close() before exit is still the clean way.)
        // WRITE_DELAY=0: write each commit to the file at once; H2's default 500 ms delay lost committed
        // rows when the serving process was killed (see H2StoreIT.survivesTheServingProcessBeingKilled).
        String url = "jdbc:h2:file:" + base + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
        Path file = Path.of(base + ".mv.db");
        return new DatabaseTarget(Vendor.H2, url, "H2 file " + file, file, null);
    }

    /** The URL with any password replaced, safe to print. */
    static String redact(String url) {
        return PASSWORD.matcher(url).replaceAll("$1***");
    }

    private static String pgHostPort(String url) {
        Matcher m = PG_HOST.matcher(url);
        String hosts = m.find() ? m.group(1) : "";
        if (hosts.isEmpty()) {
            return "localhost:5432";
        }
        return hosts.contains(":") && !hosts.endsWith("]") ? hosts : hosts + ":5432";
    }
}
