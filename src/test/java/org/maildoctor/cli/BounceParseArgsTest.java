package org.maildoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@link BounceParseArgs} against picocli over the annotated command: whatever arguments it reads, picocli reads into
 * the same values; whatever picocli refuses or answers with help, it leaves to picocli.
 */
class BounceParseArgsTest {
    private static final ConfigDefaultProvider NONE = new ConfigDefaultProvider(Map.of(), null);

    /** Arguments of every kind, good and bad; a property draws lists of them. */
    private static final List<String> TOKENS = List.of(
            "a.eml", "dir", "-", "@args.txt", "--", "x=y", "",
            "--verbose", "--summary", "--json", "--verbose=true", "-h", "--help", "-V", "--version", "--unknown", "-x",
            "--format", "--format=csv", "csv", "jsonl", "table", "CSV", "xml",
            "--sent", "--sent=10", "5", "0", "-1", "+3", "99999999999999999999", "abc",
            "--cluster-min", "2", "1",
            "--cluster-window", "--cluster-window=2h", "30m", "PT1H", "1 h", "0s",
            "--time-limit", "--time-limit=", "500ms",
            "--suppression", "--suppression=s.csv", "s.csv",
            "--dns", "127.0.0.1", "--timeout", "2s", "--db", "--data-dir", "--allow-private");

    @Provide
    Arbitrary<List<String>> arguments() {
        return Arbitraries.of(TOKENS).list().ofMaxSize(9);
    }

    /** Well-formed pieces (a path, an option with its value), for lists where most are read here. */
    @Provide
    Arbitrary<List<String>> plainArguments() {
        Arbitrary<List<String>> piece = Arbitraries.oneOf(
                Arbitraries.of("in.eml", "dir/sub", "-", "x=y.mbox").map(List::of),
                Arbitraries.of("--verbose", "--summary", "--json").map(List::of),
                Arbitraries.of("jsonl", "csv", "table").flatMap(f -> Arbitraries.of(List.of("--format", f), List.of("--format=" + f))),
                Arbitraries.longs().between(0, 100_000).map(n -> List.of("--sent", Long.toString(n))),
                Arbitraries.integers().between(0, 50).map(n -> List.of("--cluster-min=" + n)),
                Arbitraries.of("90s", "2h", "1d", "PT30M", "15").map(d -> List.of("--cluster-window", d)),
                Arbitraries.of("500ms", "3s", "1m").map(d -> List.of("--time-limit=" + d)),
                Arbitraries.of("supp.csv", "out/s.csv").map(f -> List.of("--suppression", f)));
        return piece.list().ofMinSize(1).ofMaxSize(6).map(l -> l.stream().flatMap(List::stream).toList());
    }

    @Property(tries = 2000)
    void readsWellFormedArgumentsAsPicocliDoes(@ForAll("plainArguments") List<String> rest) {
        readsWhatPicocliReadsTheSameWayAndLeavesTheRest(rest);
    }

    @Property(tries = 3000)
    void readsWhatPicocliReadsTheSameWayAndLeavesTheRest(@ForAll("arguments") List<String> rest) {
        List<String> args = new ArrayList<>(List.of("bounce", "parse"));
        args.addAll(rest);
        String[] a = args.toArray(String[]::new);
        BounceParseCommand fast = BounceParseArgs.read(a, NONE);
        net.jqwik.api.statistics.Statistics.collect(fast == null ? "left to picocli" : "read here");

        CommandLine cl = Main.commandLine(NONE, a);
        ParseResult parsed;
        try {
            parsed = cl.parseArgs(a);
        } catch (CommandLine.ParameterException e) {
            assertThat(fast).as("picocli refuses %s (%s)", args, e.getMessage()).isNull();
            return;
        }
        if (parsed.subcommand().subcommand().isUsageHelpRequested() || parsed.isUsageHelpRequested()
                || parsed.subcommand().subcommand().isVersionHelpRequested() || parsed.isVersionHelpRequested()) {
            assertThat(fast).as("help for %s", args).isNull();
            return;
        }
        if (fast == null) {
            return; // left to picocli: always allowed
        }
        net.jqwik.api.statistics.Statistics.label("read here").collect(rest.stream().anyMatch(t -> t.startsWith("--")) ? "with options" : "paths only");
        BounceParseCommand slow = cl.getSubcommands().get("bounce").getSubcommands().get("parse").getCommand();
        assertThat(values(fast)).as("%s", args).isEqualTo(values(slow));
    }

    private static List<Object> values(BounceParseCommand c) {
        GlobalOptions g = c.global;
        return java.util.Arrays.asList(c.paths, c.format, c.verbose, c.summary, c.suppression, c.sent, c.clusterMin,
                c.clusterWindow, c.timeLimit, g.json, g.dns, g.timeout, g.allowPrivate, g.dataDir, g.db);
    }

    @Test
    void readsThePlainFormsItself() {
        BounceParseCommand c = BounceParseArgs.read(new String[] {"bounce", "parse", "in", "-", "--format=csv",
            "--summary", "--json", "--sent", "2000", "--cluster-window", "30m", "--suppression", "s.csv"}, NONE);
        assertThat(c).isNotNull();
        assertThat(c.paths).containsExactly("in", "-");
        assertThat(c.format).isEqualTo(BounceCommand.Format.csv);
        assertThat(c.summary).isTrue();
        assertThat(c.global.json).isTrue();
        assertThat(c.sent).isEqualTo(2000L);
        assertThat(c.clusterWindow).hasMinutes(30);
        assertThat(c.suppression).isEqualTo(Path.of("s.csv"));
    }

    @Test
    void knowsEveryOptionOfTheCommand() {
        String[] a = {"bounce", "parse", "x"};
        CommandLine parse = Main.commandLine(NONE, a).getSubcommands().get("bounce").getSubcommands().get("parse");
        Set<String> names = parse.getCommandSpec().options().stream()
                .map(o -> o.longestName().replaceFirst("^-+", "")).collect(Collectors.toSet());
        assertThat(BounceParseArgs.OPTIONS).as("a new option must be read here or make this decline")
                .isEqualTo(names);
        for (OptionSpec o : parse.getCommandSpec().options()) {
            assertThat(o.names()).as("only the spellings read here").allMatch(n -> n.startsWith("--") || n.length() == 2);
        }
    }

    @Test
    void leavesOptionsSetByTheEnvironmentOrTheConfigFileToPicocli(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        String[] a = {"bounce", "parse", "in"};
        assertThat(BounceParseArgs.read(a, NONE)).isNotNull();
        assertThat(BounceParseArgs.read(a, new ConfigDefaultProvider(Map.of("MAILDOCTOR_FORMAT", "csv"), null))).isNull();
        assertThat(BounceParseArgs.read(a, new ConfigDefaultProvider(Map.of("MAILDOCTOR_TIMEOUT", "1s"), null))).isNull();
        Path yml = Files.writeString(dir.resolve("maildoctor.yml"), "clusterMin: 3\n");
        assertThat(BounceParseArgs.read(a, new ConfigDefaultProvider(Map.of(), yml))).isNull();
        Path other = Files.writeString(dir.resolve("other.yml"), "selector: s1\n");
        assertThat(BounceParseArgs.read(a, new ConfigDefaultProvider(Map.of(), other))).isNotNull();
    }
}
