package org.maildoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged product as a user runs it: {@code serve} in one process holding the embedded
 * database, and store-touching CLI commands in other processes at the same time.
 */
class ServeProcessIT {
    private static final Path JAR = Path.of("target", "maildoctor-all.jar");

    @TempDir
    Path dataDir;

    private static ProcessBuilder java(Path log, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-jar");
        cmd.add(JAR.toString());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    }

    private record Run(int exit, String output) {
    }

    private Run cli(String... args) throws Exception {
        Path log = Files.createTempFile(dataDir.getParent(), "cli", ".log");
        Process p = java(log, args).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("cli %s finished", List.of(args)).isTrue();
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    @Test
    void cliCommandsWorkWhileServeHoldsTheEmbeddedDatabase() throws Exception {
        assertThat(JAR).as("the packaged jar (mvn package runs before the ITs)").exists();
        int port = ServeCommandIT.freePort();
        Path serveLog = dataDir.resolveSibling("serve.log");
        Process serve = java(serveLog, "serve", "--port", Integer.toString(port), "--smtp-port", "0", "--data-dir", dataDir.toString())
                .start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                    .timeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> response = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (response == null && System.nanoTime() < deadline && serve.isAlive()) {
                try {
                    response = http.send(health, HttpResponse.BodyHandlers.ofString());
                } catch (IOException notYet) {
                    Thread.sleep(200);
                }
            }
            assertThat(response).as("serve never answered; its log: %s", Files.readString(serveLog)).isNotNull();
            assertThat(response.statusCode()).isEqualTo(200);

            Run set = cli("settings", "set", "greeting", "hello", "--data-dir", dataDir.toString());
            assertThat(set.exit()).as(set.output()).isEqualTo(ExitCode.OK);
            Run get = cli("settings", "get", "greeting", "--data-dir", dataDir.toString(), "--json");
            assertThat(get.exit()).as(get.output()).isEqualTo(ExitCode.OK);
            assertThat(get.output()).contains("hello");
            Run status = cli("store", "status", "--data-dir", dataDir.toString());
            assertThat(status.exit()).as(status.output()).isEqualTo(ExitCode.OK);

            // the running server still works after the other processes came and went
            assertThat(http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        } finally {
            serve.destroy(); // SIGTERM: the shutdown hook stops the server, scheduler and store
            if (!serve.waitFor(30, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
        assertThat(Files.readString(serveLog)).doesNotContain("Exception");
        // after a clean stop the database opens again from a new process
        Run after = cli("settings", "get", "greeting", "--data-dir", dataDir.toString());
        assertThat(after.exit()).as(after.output()).isEqualTo(ExitCode.OK);
        assertThat(after.output()).contains("hello");
    }
}
