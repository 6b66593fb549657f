package org.maildoctor.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.AutoComplete;

/**
 * Writes the bash completion script at build time. picocli's own {@code AutoComplete} main builds the
 * command from its class alone, which no longer lists the subcommands ({@link Main} adds them, only the
 * one being run on an ordinary call), so the script is made from the full command line here.
 */
public final class CompletionScript {

    private CompletionScript() {
    }

    static String bash() {
        return AutoComplete.bash("maildoctor", Main.commandLine(new ConfigDefaultProvider(Map.of(), null)));
    }

    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(args[0]), bash());
    }
}
