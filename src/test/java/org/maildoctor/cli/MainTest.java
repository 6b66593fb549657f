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
    void aCommandLineForOneSubcommandBuildsOnlyThatOne() {
        var lazy = Main.commandLine(noConfig(), new String[] {"bounce", "parse", "x"});
        assertThat(lazy.getSubcommands().keySet()).containsExactly("bounce");
        assertThat(lazy.getSubcommands().get("bounce").getSubcommands().keySet()).containsExactly("parse");

        var full = Main.commandLine(noConfig());
        assertThat(full.getSubcommands().keySet()).containsExactlyElementsOf(
                MaildoctorCommand.SUBCOMMANDS.stream().map(java.util.Map.Entry::getKey).toList());
        assertThat(full.getSubcommands()).hasSizeGreaterThan(15);
    }

    @Test
    void subcommandsAreListedUnderTheirCommandNames() {
        for (var sub : MaildoctorCommand.SUBCOMMANDS) {
            picocli.CommandLine.Command command = sub.getValue().getAnnotation(picocli.CommandLine.Command.class);
            assertThat(command.name()).isEqualTo(sub.getKey());
            assertThat(command.aliases()).as("aliases of %s (not looked up by the lazy command line)", sub.getKey()).isEmpty();
        }
    }

    @Test
    void unknownCommandPrintsTheSameWhateverTheCommandLine() {
        String[] args = {"boune", "parse", "x"};
        String[] unknown = {"nosuch"};
        assertThat(output(Main.commandLine(noConfig(), args), args)).isEqualTo(output(Main.commandLine(noConfig()), args))
                .contains("Did you mean: maildoctor bounce");
        assertThat(output(Main.commandLine(noConfig(), unknown), unknown))
                .isEqualTo(output(Main.commandLine(noConfig()), unknown))
                .contains("Usage: maildoctor", "warmup", "Exit codes");
    }

    @Test
    void subcommandHelpIsTheSameWhateverTheCommandLine() {
        String[] args = {"bounce", "parse", "--help"};
        assertThat(output(Main.commandLine(noConfig(), args), args)).isEqualTo(output(Main.commandLine(noConfig()), args))
                .contains("Usage: maildoctor bounce parse");
    }

    private static ConfigDefaultProvider noConfig() {
        return new ConfigDefaultProvider(java.util.Map.of(), null);
    }

    /** Exit code, stdout and stderr of one run. */
    private static String output(picocli.CommandLine cl, String... args) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        cl.setOut(new PrintWriter(stdout, true));
        cl.setErr(new PrintWriter(stderr, true));
        int code = cl.execute(args);
        return code + "\n" + stdout + "\n--\n" + stderr;
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
