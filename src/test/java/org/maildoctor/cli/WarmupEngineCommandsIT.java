package org.maildoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code warmup run} enrols the accounts and leaves its jobs in the store; {@code status|pause|resume} on a real H2 store. */
class WarmupEngineCommandsIT {
    @TempDir
    Path dir;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--data-dir");
        all.add(dir.resolve("data").toString());
        return Main.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void runEnrolsEveryAccountAndStatusPauseResumeShowIt() throws Exception {
        Path pw = dir.resolve("pw.txt");
        Files.writeString(pw, "not-a-real-password");
        for (String a : List.of("ann@one.test", "bob@two.test")) {
            assertThat(run("warmup", "add", a, "--smtp", "127.0.0.1:1", "--imap", "127.0.0.1:1", "--password-file",
                    pw.toString(), "--no-test")).as(err.toString()).isEqualTo(ExitCode.OK);
        }
        assertThat(run("warmup", "status")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("no mailbox in the engine yet");

        assertThat(run("warmup", "run", "--start", "4", "--target", "20", "--node", "cli-test", "--stop-after", "4"))
                .as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(run("warmup", "status", "--json")).as(err.toString()).isEqualTo(ExitCode.OK);
        JsonNode status = new ObjectMapper().readTree(out.toString());
        assertThat(status.get("mailboxes")).hasSize(2);
        assertThat(status.at("/mailboxes/0/address").asText()).isEqualTo("ann@one.test");
        assertThat(status.at("/mailboxes/0/status").asText()).isEqualTo("active");
        assertThat(status.at("/mailboxes/0/start").asInt()).isEqualTo(4);
        assertThat(status.at("/mailboxes/0/target").asInt()).isEqualTo(20);

        assertThat(run("warmup", "pause", "bob@two.test")).isEqualTo(ExitCode.OK);
        assertThat(run("warmup", "status")).isEqualTo(ExitCode.PROBLEMS);
        assertThat(out.toString()).contains("bob@two.test").contains("paused").contains("problem: paused by the user");
        assertThat(run("warmup", "resume", "bob@two.test")).isEqualTo(ExitCode.OK);
        assertThat(run("warmup", "status")).isEqualTo(ExitCode.OK);
        assertThat(run("warmup", "resume", "nobody@nowhere.test")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("no warm-up mailbox nobody@nowhere.test");
        assertThat(run("warmup", "run", "--hours", "9-5")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("business hours must look like 09:00-17:00");
    }
}
