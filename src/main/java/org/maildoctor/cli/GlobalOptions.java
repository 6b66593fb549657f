package org.maildoctor.cli;

import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * Options every command accepts (mixed into each subcommand by {@link BaseCommand}). Values not
 * given as flags come from the environment ({@code MAILDOCTOR_*}) or {@code maildoctor.yml} through
 * {@link ConfigDefaultProvider}.
 */
public final class GlobalOptions {

    @Option(names = "--json", description = "Print one JSON document on stdout (logs and progress go to stderr).")
    public boolean json;

    @Option(names = "--dns", paramLabel = "HOST[:PORT]", converter = HostPort.DnsServer.class,
            description = "Use this DNS server instead of the system resolver (default port 53).")
    public HostPort dns;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "5s",
            description = "Timeout for each network operation, e.g. 500ms, 2s, 1m (default: ${DEFAULT-VALUE}).")
    public Duration timeout;

    @Option(names = "--allow-private",
            description = "Permit connections to private, loopback and reserved addresses chosen by outside data (for tests).")
    public boolean allowPrivate;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Directory of the embedded database and generated files (default: ~/.maildoctor).")
    public Path dataDir;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Use this database instead of the embedded one, e.g. jdbc:postgresql://127.0.0.1:5432/maildoctor.")
    public String db;

    /** The data directory, defaulting to {@code ~/.maildoctor}. */
    public Path dataDirOrDefault() {
        return dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".maildoctor");
    }
}
