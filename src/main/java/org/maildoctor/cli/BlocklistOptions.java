package org.maildoctor.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The catalogue option of every command that checks blocklists ({@code blocklist}, {@code domain
 * audit}, {@code serve}, {@code analyze}); also read from {@code MAILDOCTOR_BLOCKLISTS} or the config key {@code blocklists}.
 */
public final class BlocklistOptions {
    @Option(names = "--blocklists", paramLabel = "FILE",
            description = "Blocklist catalogue overrides (YAML): change zones (e.g. a Spamhaus DQS key zone), "
                    + "point a list at a local rbldnsd, add or disable lists; see docs/cli-blocklist.md.")
    public Path file;
}
