package org.maildoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** flags &gt; environment &gt; config file &gt; defaults, checked on the real global options. */
class ConfigDefaultProviderTest {

    @Command(name = "probe")
    static final class Probe implements Runnable {
        @Mixin
        GlobalOptions global;

        @Override
        public void run() {
        }
    }

    @TempDir
    Path dir;

    private GlobalOptions parse(Map<String, String> env, Path config, String... args) {
        Probe probe = new Probe();
        CommandLine cl = new CommandLine(probe);
        cl.setDefaultValueProvider(new ConfigDefaultProvider(env, config));
        cl.parseArgs(args);
        return probe.global;
    }

    private Path config(String yaml) throws IOException {
        Path f = dir.resolve("maildoctor.yml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void builtInDefaultWhenNothingElseSaysOtherwise() {
        GlobalOptions g = parse(Map.of(), null);
        assertThat(g.timeout).isEqualTo(Duration.ofSeconds(5));
        assertThat(g.allowPrivate).isFalse();
        assertThat(g.dns).isNull();
    }

    @Test
    void configFileBeatsDefaults() throws IOException {
        GlobalOptions g = parse(Map.of(), config("timeout: 7s\nallow-private: true\ndns: 127.0.0.1:5353\n"));
        assertThat(g.timeout).isEqualTo(Duration.ofSeconds(7));
        assertThat(g.allowPrivate).isTrue();
        assertThat(g.dns).isEqualTo(new HostPort("127.0.0.1", 5353));
    }

    @Test
    void camelCaseKeysAreAcceptedToo() throws IOException {
        GlobalOptions g = parse(Map.of(), config("dataDir: /srv/md\n"));
        assertThat(g.dataDir).isEqualTo(Path.of("/srv/md"));
    }

    @Test
    void environmentBeatsConfigFile() throws IOException {
        GlobalOptions g = parse(Map.of("MAILDOCTOR_TIMEOUT", "9s"), config("timeout: 7s\n"));
        assertThat(g.timeout).isEqualTo(Duration.ofSeconds(9));
    }

    @Test
    void flagBeatsEnvironment() throws IOException {
        GlobalOptions g = parse(Map.of("MAILDOCTOR_TIMEOUT", "9s"), config("timeout: 7s\n"), "--timeout", "500ms");
        assertThat(g.timeout).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void envNamesFollowTheOptionName() {
        assertThat(ConfigDefaultProvider.envName("allow-private")).isEqualTo("MAILDOCTOR_ALLOW_PRIVATE");
        assertThat(ConfigDefaultProvider.envName("db")).isEqualTo("MAILDOCTOR_DB");
    }

    @Test
    void brokenConfigFileIsAUsageErrorNamingTheFile() throws IOException {
        Path f = config("timeout: [unclosed\n");
        assertThatThrownBy(() -> new ConfigDefaultProvider(Map.of(), f))
                .isInstanceOf(CliException.class)
                .hasMessageContaining(f.toString())
                .satisfies(e -> assertThat(((CliException) e).exitCode()).isEqualTo(ExitCode.USAGE));
    }

    @Test
    void missingExplicitConfigFileIsAUsageError() {
        Path missing = dir.resolve("nope.yml");
        assertThatThrownBy(() -> new ConfigDefaultProvider(Map.of(), missing)).hasMessageContaining("does not exist");
    }

    @Test
    void badValueInConfigIsReportedLikeABadFlag() throws IOException {
        Probe probe = new Probe();
        CommandLine cl = new CommandLine(probe);
        cl.setDefaultValueProvider(new ConfigDefaultProvider(Map.of(), config("timeout: soon\n")));
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute()).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("soon");
    }
}
