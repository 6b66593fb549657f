package org.maildoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.maildoctor.store.HoldStoreOpen;
import org.maildoctor.store.PostgresTestDatabase;
import org.maildoctor.store.ShippedMigrations;
import org.maildoctor.store.Store;
import org.maildoctor.store.StoreConfig;
import org.maildoctor.store.jobs.JobScheduler;
import org.maildoctor.store.jobs.JobSchedulerConfig;

/** {@code maildoctor settings ...} and {@code maildoctor store status} end to end through {@link Main#run}. */
class StoreCommandsIT {
    @TempDir
    Path temp;

    record Result(int exit, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private String[] withDataDir(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--data-dir");
        all.add(temp.resolve("md").toString());
        return all.toArray(String[]::new);
    }

    @Test
    void settingsRoundTripOnTheEmbeddedDatabase() throws Exception {
        assertThat(run(withDataDir("settings", "set", "smtp.host", "mx.example"))).isEqualTo(new Result(0, "smtp.host = mx.example\n", ""));
        assertThat(run(withDataDir("settings", "get", "smtp.host"))).isEqualTo(new Result(0, "mx.example\n", ""));
        run(withDataDir("settings", "set", "a.key", "1"));

        Result list = run(withDataDir("settings", "list", "--json"));
        assertThat(list.exit()).isZero();
        JsonNode json = Output.json().readTree(list.out());
        assertThat(json.isArray()).isTrue();
        assertThat(json.get(0).get("key").asText()).isEqualTo("a.key");
        assertThat(json.get(1).get("value").asText()).isEqualTo("mx.example");
        assertThat(json.get(1).get("version").asLong()).isEqualTo(1);

        assertThat(run(withDataDir("settings", "delete", "smtp.host"))).isEqualTo(new Result(0, "deleted smtp.host\n", ""));
        Result missing = run(withDataDir("settings", "get", "smtp.host"));
        assertThat(missing).isEqualTo(new Result(1, "", "maildoctor: setting 'smtp.host' is not set\n"));
        assertThat(run(withDataDir("settings", "delete", "smtp.host")).exit()).isEqualTo(1);
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void settingsWorkWhileAnotherProcessHoldsTheEmbeddedDatabase() throws Exception {
        // the child plays `maildoctor serve`: it opened the data dir first and keeps it open
        Path dir = temp.resolve("md");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process serve = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                HoldStoreOpen.class.getName(), "store", dir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("READY");
            assertThat(run(withDataDir("settings", "get", "holder"))).isEqualTo(new Result(0, "child-" + serve.pid() + "\n", ""));
            assertThat(run(withDataDir("settings", "set", "from-parent", "via-cli")).exit()).isZero();
            serve.getOutputStream().close();
            assertThat(out.readLine()).isEqualTo("SEEN via-cli");
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            serve.destroyForcibly();
        }
    }

    @Test
    void badKeyIsUsageError() {
        Result r = run(withDataDir("settings", "set", "has space", "x"));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("maildoctor: invalid setting key 'has space'");
    }

    @Test
    void corruptDatabaseFileExitsThreeNamingTheFile() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("md"));
        Files.writeString(dir.resolve("maildoctor.mv.db"), "this is not a database");
        Result r = run(withDataDir("settings", "list"));
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).startsWith("maildoctor: database file " + dir.resolve("maildoctor.mv.db").toAbsolutePath()
                + " is corrupt or not an H2 database");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void unreachablePostgresExitsThreeNamingHostAndPort() {
        Result r = run("settings", "list", "--db", "jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=secret");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).startsWith("maildoctor: cannot connect to PostgreSQL at 127.0.0.1:1").doesNotContain("secret");
    }

    @Test
    void storeStatusOnPostgresShowsHeartbeat() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.create()) {
            Result before = run("store", "status", "--db", db.url());
            assertThat(before.exit()).isZero();
            assertThat(before.out()).contains("database:       PostgreSQL jdbc:postgresql://127.0.0.1:5432/test")
                    .contains("schema version: " + ShippedMigrations.latestVersion()).contains("last heartbeat: never");

            try (Store store = Store.open(StoreConfig.of(temp, db.url()));
                 JobScheduler s = JobScheduler.start(store, Clock.systemUTC(), JobSchedulerConfig.defaults()
                         .withNodeName("status-node").withPollingInterval(Duration.ofMillis(100)))) {
                assertThat(s.nodeName()).isEqualTo("status-node");
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (store.schedulerRuns().latest(JobScheduler.HEARTBEAT_TASK).isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
            }
            Result after = run("store", "status", "--json", "--db", db.url());
            assertThat(after.exit()).isZero();
            JsonNode json = Output.json().readTree(after.out());
            assertThat(json.get("schemaVersion").asText()).isEqualTo(ShippedMigrations.latestVersion());
            assertThat(json.get("lastHeartbeat").get("node").asText()).isEqualTo("status-node");
        }
    }

    @Test
    void storeStatusOnEmbeddedDatabase() {
        Result r = run(withDataDir("store", "status"));
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("database:       H2 file " + temp.resolve("md").resolve("maildoctor.mv.db").toAbsolutePath());
    }
}
