package org.maildoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** serve's options follow the shared precedence: flags > MAILDOCTOR_* > maildoctor.yml > defaults. */
class ServeCommandTest {

    private static ServeCommand parse(Map<String, String> env, Path file, String... args) {
        CommandLine cl = Main.commandLine(new ConfigDefaultProvider(env, file));
        ParseResult result = cl.parseArgs(args);
        return (ServeCommand) result.subcommand().commandSpec().userObject();
    }

    @Test
    void defaultsAreLoopback8025WithoutSecrets() {
        ServeCommand serve = parse(Map.of(), null, "serve");
        assertThat(serve.port).isEqualTo(8025);
        assertThat(serve.bind).isEqualTo("127.0.0.1");
        assertThat(serve.adminPassword).isNull();
        assertThat(serve.apiToken).isNull();
    }

    @Test
    void environmentBeatsConfigFileAndFlagsBeatEnvironment(@TempDir Path dir) throws Exception {
        Path yml = dir.resolve("maildoctor.yml");
        Files.writeString(yml, "port: 9001\nbind: 127.0.0.2\napi-token: from-file\n");
        Map<String, String> env = Map.of("MAILDOCTOR_PORT", "9002", "MAILDOCTOR_ADMIN_PASSWORD", "from-env");

        ServeCommand fromSources = parse(env, yml, "serve");
        assertThat(fromSources.port).isEqualTo(9002);
        assertThat(fromSources.bind).isEqualTo("127.0.0.2");
        assertThat(fromSources.apiToken).isEqualTo("from-file");
        assertThat(fromSources.adminPassword).isEqualTo("from-env");

        ServeCommand flagged = parse(env, yml, "serve", "--port", "9003");
        assertThat(flagged.port).isEqualTo(9003);
    }

    @Test
    void outOfRangePortIsAUsageError() {
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"serve", "--port", "70000"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).isEqualTo("maildoctor: --port must be 1-65535, got 70000" + System.lineSeparator());
    }

    @Test
    void helpListsTheServeOptions() {
        String usage = Main.commandLine(new ConfigDefaultProvider(Map.of(), null))
                .getSubcommands().get("serve").getUsageMessage();
        assertThat(usage).contains("--port").contains("--bind").contains("--admin-password")
                .contains("--api-token").contains("default: 8025");
    }
}
