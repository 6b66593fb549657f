package org.maildoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maildoctor.store.Store;
import org.maildoctor.store.StoreConfig;
import org.maildoctor.warmup.engage.Observation;
import org.maildoctor.warmup.engage.Placement;
import org.maildoctor.warmup.jdbc.JdbcStatsRepository;

/** {@code warmup stats|health} read what the engine recorded in a real H2 store. */
class WarmupStatsCommandsIT {
    static final LocalDate DAY = LocalDate.parse("2026-04-10");

    @TempDir
    Path dir;
    private StringWriter out;
    private StringWriter err;

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--data-dir");
        all.add(dir.resolve("data").toString());
        return Main.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @BeforeEach
    void seed() throws Exception {
        Path pw = dir.resolve("pw.txt");
        Files.writeString(pw, "irrelevant-here");
        assertThat(run("warmup", "add", "ann@one.test", "--provider", "zoho", "--password-file", pw.toString(),
                "--no-test")).as(err.toString()).isEqualTo(ExitCode.OK);
        try (Store store = Store.open(StoreConfig.of(dir.resolve("data"), null))) {
            JdbcStatsRepository stats = new JdbcStatsRepository(store.dataSource());
            for (int i = 0; i < 10; i++) {
                stats.recordSent("ann@one.test", DAY);
                Placement p = i < 3 ? Placement.SPAM : Placement.INBOX;
                stats.recordObservation("bob@two.test", DAY, new Observation("t" + i, "<t" + i + "@x>", "ann@one.test",
                        p.name(), p, false, i == 5, true, Instant.parse("2026-04-10T15:00:00Z")));
            }
            stats.recordSent("ann@one.test", DAY.minusDays(1));
        }
    }

    @Test
    void statsPrintsEachDayAndJson() throws Exception {
        assertThat(run("warmup", "stats", "ann@one.test", "--days", "3", "--to", DAY.toString())).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("ann@one.test, 2026-04-08 to 2026-04-10")
                .containsPattern("2026-04-10\\s+10\\s+0\\s+7\\s+0\\s+0\\s+3\\s+0\\s+70%\\s+30%\\s+1\\s+0\\s+0")
                .containsPattern("2026-04-08\\s+0\\s+0");
        assertThat(run("warmup", "stats", "ANN@one.test", "--days", "2", "--to", DAY.toString(), "--json"))
                .isEqualTo(ExitCode.OK);
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertThat(doc.get("mailbox").asText()).isEqualTo("ann@one.test");
        assertThat(doc.get("days")).hasSize(2);
        assertThat(doc.get("days").get(0).get("sent").asInt()).isEqualTo(1);
        assertThat(doc.get("days").get(1).get("spamRate").asDouble()).isEqualTo(0.3);
    }

    @Test
    void healthExplainsTheScoreAndExitsOneOnAlerts() throws Exception {
        assertThat(run("warmup", "health", "ann@one.test", "--to", DAY.toString())).isEqualTo(ExitCode.PROBLEMS);
        assertThat(out.toString()).contains("ann@one.test: health ").contains("Spam placement")
                .contains("3 of 10 in spam (30 %)").contains("ERROR Spam placement: 3 of 10 warm-up messages")
                .contains("fix: ");
        assertThat(run("warmup", "health", "ann@one.test", "--to", DAY.toString(), "--spam-threshold", "35%", "--json"))
                .isEqualTo(ExitCode.OK);
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertThat(doc.get("alerts")).isEmpty();
        assertThat(doc.get("components")).hasSize(5);
        assertThat(doc.at("/totals/sent").asInt()).isEqualTo(11);
        // a week later the window holds nothing: healthy by default
        assertThat(run("warmup", "health", "ann@one.test", "--to", DAY.plusDays(7).toString(), "--json"))
                .isEqualTo(ExitCode.OK);
        assertThat(new ObjectMapper().readTree(out.toString()).get("score").asInt()).isEqualTo(100);
    }

    @Test
    void badInputIsAUsageError() {
        assertThat(run("warmup", "stats", "nobody@one.test")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("no warm-up account nobody@one.test");
        assertThat(run("warmup", "stats", "ann@one.test", "--days", "0")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("days must be 1 to 366");
        assertThat(run("warmup", "health", "ann@one.test", "--spam-threshold", "lots")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("spamThreshold must be a share");
        assertThat(run("warmup", "health", "ann@one.test", "--window", "0")).isEqualTo(ExitCode.USAGE);
    }
}
