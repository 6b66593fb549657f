package org.maildoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Exit codes and messages of the command line itself (no network). */
class MainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void versionPrintsTheVersionAndSucceeds() {
        assertThat(run("--version")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).startsWith("maildoctor ");
    }

    @Test
    void helpListsCommandsAndExitCodes() {
        assertThat(run("--help")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("dns", "serve", "Exit codes", "network or runtime failure");
    }

    @Test
    void everySubcommandHasHelp() {
        assertThat(run("serve", "--help")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("Usage: maildoctor serve", "--port");
    }

    @Test
    // (a word close to a command name, such as "frobnicate" ~ "generate" or "xyzzy" ~ "analyze", gets "Did you mean" instead of usage)
    void unknownCommandIsUsageError() {
        assertThat(run("qqqqqqqq")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("qqqqqqqq").contains("Usage:");
    }

    @Test
    void noCommandIsUsageError() {
        assertThat(run()).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("Missing command");
    }

    @Test
    void unknownOptionIsUsageError() {
        assertThat(run("dns", "--no-such-option", "example.org")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--no-such-option");
    }

    @Test
    void badTimeoutIsUsageError() {
        assertThat(run("dns", "example.org", "--timeout", "soon")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("'soon' is not a duration");
    }

    @Test
    void everyCommandTakesTheGlobalOptions() {
        var cl = Main.commandLine(new ConfigDefaultProvider(java.util.Map.of(), null));
        java.util.List<picocli.CommandLine> leaves = new java.util.ArrayList<>();
        collectLeaves(cl, leaves);
        assertThat(leaves).hasSizeGreaterThan(2);
        for (var leaf : leaves) {
            assertThat(leaf.getCommandSpec().optionsMap().keySet())
                    .as("options of '%s'", leaf.getCommandSpec().qualifiedName())
                    .contains("--json", "--dns", "--timeout", "--allow-private");
        }
    }

    /** Commands that run something; groups such as {@code settings} only dispatch to their subcommands. */
    private static void collectLeaves(picocli.CommandLine cl, java.util.List<picocli.CommandLine> into) {
        if (cl.getSubcommands().isEmpty()) {
            into.add(cl);
        }
        for (var sub : cl.getSubcommands().values()) {
            if (sub.getCommandSpec().parent() == cl.getCommandSpec()) { // skip aliases pointing elsewhere
                collectLeaves(sub, into);
            }
        }
    }

    @Test
    void unexpectedFailuresBecomeOneLineWithExitThree() {
        StringWriter sw = new StringWriter();
        int code = Main.handle(new IllegalStateException("boom"), new PrintWriter(sw, true));
        assertThat(code).isEqualTo(ExitCode.RUNTIME);
        assertThat(sw.toString().strip()).isEqualTo("maildoctor: unexpected failure: boom");
    }

    @Test
    void wrappedCliExceptionKeepsItsCode() {
        StringWriter sw = new StringWriter();
        int code = Main.handle(new RuntimeException(CliException.usage("bad input")), new PrintWriter(sw, true));
        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(sw.toString().strip()).isEqualTo("maildoctor: bad input");
    }
}
