package org.maildoctor.verify.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maildoctor.store.Store;
import org.maildoctor.store.StoreConfig;
import org.maildoctor.testing.Harness;

/**
 * Acceptance: {@code maildoctor verify --input} on a 10,000-row CSV shows progress, survives
 * {@code kill -9} and resume, and writes exactly 10,000 result rows. Probes are counted on the
 * server: every unknown user (one unique address per ten rows) appears in the harness Postfix log's
 * RCPT rejections at most once — exactly once, except rows whose probe had started at the kill
 * (their RCPT was in flight): those are not asked again and read unknown/interrupted.
 */
class VerifyBulkResumeIT {
    private static final int ROWS = 10_000;

    @TempDir
    Path dir;

    private ProcessBuilder cli(Path input, Path output, Path log, String... extra) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "org.maildoctor.cli.Main", "verify",
                "--input", input.toString(), "--output", output.toString(), "--data-dir", dir.resolve("data").toString(),
                "--dns", Harness.dnsServer(), "--smtp-port", String.valueOf(Harness.smtpPort()), "--allow-private",
                "--greylist-budget", "0s", "--timeout", "3s", "--rate-per-domain", "0", "--json"));
        cmd.addAll(List.of(extra));
        return new ProcessBuilder(cmd).redirectError(log.toFile()).redirectOutput(dir.resolve("stdout.json").toFile());
    }

    /** Rows with a result, and rows claimed without one (in flight at the kill). */
    private Set<Long> rows(String where) throws Exception {
        Set<Long> out = new HashSet<>();
        try (Store store = Store.open(StoreConfig.of(dir.resolve("data"), null));
             Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT row_no FROM verification_row WHERE " + where)) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    /** RCPT rejections per address in the harness Postfix log since {@code offset}. */
    static Map<String, Integer> rejectedRcpts(long offset) throws IOException {
        Path log = Path.of(Harness.env().getProperty("MAIL_HARNESS_POSTFIX_LOG"));
        Map<String, Integer> out = new HashMap<>();
        try (var in = Files.newInputStream(log)) {
            in.skipNBytes(offset);
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                Matcher m = REJECT.matcher(line);
                if (m.find()) {
                    out.merge(m.group(1).toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
                }
            }
        }
        return out;
    }

    private static final Pattern REJECT = Pattern.compile("reject: RCPT from .*?: 550 5\\.1\\.1 <([^>]+)>");

    static long logSize() throws IOException {
        return Files.size(Path.of(Harness.env().getProperty("MAIL_HARNESS_POSTFIX_LOG")));
    }

    private long storedRows() throws Exception {
        try (Store store = Store.open(StoreConfig.of(dir.resolve("data"), null));
             Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT row_no) FROM verification_result")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(rs.getLong(2));
            return rs.getLong(1);
        }
    }

    @Test
    void killedMidJobAndResumedWritesEveryRowExactlyOnce() throws Exception {
        Path input = dir.resolve("list.csv");
        StringBuilder sb = new StringBuilder("\uFEFFname,email\r\n");
        String[] known = {"alice@good.test", "bob@good.test", "postmaster@good.test", "alice@multimx.misc.test"};
        for (int i = 0; i < ROWS; i++) {
            String address = switch (i % 10) {
                case 0, 1, 2, 3, 4, 5, 6 -> known[i % known.length];
                case 7 -> "user" + i + "@good.test";
                case 8 -> "x" + i + "@catchall.test";
                default -> "broken address " + i;
            };
            sb.append("\"Person ").append(i).append("\",").append(address).append("\r\n");
        }
        Files.writeString(input, sb.toString(), StandardCharsets.UTF_8);
        Path output = dir.resolve("out.csv");

        long logStart = logSize();
        Process first = cli(input, output, dir.resolve("run1.log")).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        // wait until the progress line shows at least 1,500 verified rows, then kill -9
        while (System.nanoTime() < deadline && first.isAlive() && progress(dir.resolve("run1.log")) < 1_500) {
            Thread.sleep(50);
        }
        assertThat(first.isAlive()).as("still running when killed").isTrue();
        first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        assertThat(output).doesNotExist();
        long atKill = storedRows();
        assertThat(atKill).isBetween(1L, (long) ROWS - 1);
        Set<Long> doneAtKill = rows("state = 'DONE'");
        Set<Long> inFlightAtKill = rows("state = 'STARTED'");
        assertThat(doneAtKill).hasSize((int) atKill);
        // the probes started without a result at the kill are bounded by what the sessions had on
        // the wire — 4 sessions per MX host (--per-host), 3 MX hosts, at most 8 RCPTs in flight each
        // (the per-session error budget) — not by the claimed chunk
        assertThat(inFlightAtKill.size()).isLessThanOrEqualTo(3 * 4 * 8);
        System.out.printf("killed with %d rows done, %d probes started without a result%n", atKill,
                inFlightAtKill.size());

        Process second = cli(input, output, dir.resolve("run2.log")).start();
        assertThat(second.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).as(Files.readString(dir.resolve("run2.log"))).isZero();
        String summary = Files.readString(dir.resolve("stdout.json"));
        assertThat(summary).contains("\"resumed\" : true", "\"rows\" : " + ROWS,
                "\"verifiedNow\" : " + (ROWS - atKill - inFlightAtKill.size()));
        assertThat(Files.readString(dir.resolve("run2.log"))).contains("verify: " + String.format("%,d/%,d", ROWS, ROWS));

        assertThat(summary).contains("\"interrupted\" : " + inFlightAtKill.size(), "\"retriedInterrupted\" : false");

        // server-side count: each unknown user's RCPT reached Postfix at most once, even across the kill
        Thread.sleep(500); // syslog write-behind
        Map<String, Integer> rcpts = rejectedRcpts(logStart);
        int once = 0;
        int interruptedUsers = 0;
        for (int n = 7; n < ROWS; n += 10) {
            String address = "user" + n + "@good.test";
            long row = n + 1;
            int count = rcpts.getOrDefault(address, 0);
            if (inFlightAtKill.contains(row)) {
                // its RCPT may or may not have reached Postfix before the kill; never after it
                assertThat(count).as(address + " (in flight at the kill)").isBetween(0, 1);
                interruptedUsers++;
            } else {
                assertThat(count).as(address + (doneAtKill.contains(row) ? " (done before the kill)" : "")).isEqualTo(1);
                once++;
            }
        }
        assertThat(once + interruptedUsers).isEqualTo(ROWS / 10);
        assertThat(rcpts.values()).as("no address probed twice").allSatisfy(n -> assertThat(n).isEqualTo(1));

        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(ROWS + 1);
        assertThat(lines.getFirst()).startsWith("address,verdict,reason");
        assertThat(storedRows()).isEqualTo(ROWS);
        Set<String> verdicts = new HashSet<>();
        for (int i = 1; i <= ROWS; i++) {
            String row = lines.get(i);
            verdicts.add(row.split(",")[1] + "/" + row.split(",")[2]);
            int n = i - 1;
            if (inFlightAtKill.contains((long) i)) {
                assertThat(row).as("row " + i).contains(",unknown,interrupted,");
            } else if (n % 10 == 9) {
                assertThat(row).startsWith("broken address " + n + ",undeliverable,syntaxerror");
            } else if (n % 10 == 7) {
                assertThat(row).startsWith("user" + n + "@good.test,undeliverable,userunknown");
            }
        }
        assertThat(verdicts).contains("deliverable/accepted", "undeliverable/userunknown", "risky/catchall",
                "undeliverable/syntaxerror", "risky/role");

        // the opt-in: the same command with --retry-interrupted asks exactly the interrupted rows again
        Process third = cli(input, output, dir.resolve("run3.log"), "--retry-interrupted").start();
        assertThat(third.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(third.exitValue()).as(Files.readString(dir.resolve("run3.log"))).isZero();
        assertThat(Files.readString(dir.resolve("stdout.json"))).contains("\"verifiedNow\" : " + inFlightAtKill.size(),
                "\"interrupted\" : " + inFlightAtKill.size(), "\"retriedInterrupted\" : true");
        List<String> retried = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertThat(retried).hasSize(ROWS + 1).noneMatch(l -> l.contains(",unknown,interrupted,"));
        assertThat(storedRows()).isEqualTo(ROWS);
    }

    /** The highest "done" figure the progress line printed so far. */
    private static long progress(Path log) throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        String s = Files.readString(log);
        int at = s.lastIndexOf("verify: ");
        if (at < 0) {
            return 0;
        }
        String figure = s.substring(at + 8).split("/")[0].replace(",", "");
        try {
            return Long.parseLong(figure.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
