package org.maildoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code maildoctor warmup plan}: the curve as text and JSON, and clear usage errors. */
class WarmupCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void jsonCurveFromStartToTarget() throws Exception {
        assertThat(run("warmup", "plan", "--start", "5", "--target", "50", "--provider", "gmail",
                "--start-date", "2026-03-02", "--json")).isEqualTo(ExitCode.OK);
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        JsonNode days = doc.get("days");
        assertThat(days.get(0).get("day").asInt()).isEqualTo(1);
        assertThat(days.get(0).get("date").asText()).isEqualTo("2026-03-02");
        assertThat(days.get(0).get("volume").asInt()).isEqualTo(5);
        assertThat(days.get(1).get("volume").asInt()).isEqualTo(7);
        int promised = doc.get("promisedDay").asInt();
        assertThat(days.get(promised - 1).get("volume").asInt()).isEqualTo(50);
        assertThat(days.get(days.size() - 1).get("volume").asInt()).isEqualTo(50);
        assertThat(doc.get("providerDailyLimit").asInt()).isEqualTo(500);
    }

    @Test
    void weekdaysOnlyLeavesWeekendsEmptyAndTimesFollowTheZone() throws Exception {
        assertThat(run("warmup", "plan", "--target", "9", "--provider", "zoho", "--weekdays-only", "--times",
                "--tz", "Europe/Paris", "--hours", "10:00-12:00", "--start-date", "2026-03-05", "--json"))
                .isEqualTo(ExitCode.OK);
        JsonNode days = new ObjectMapper().readTree(out.toString()).get("days");
        // Thursday, Friday, then the weekend
        assertThat(days.get(2).get("volume").asInt()).isZero();
        assertThat(days.get(3).get("volume").asInt()).isZero();
        assertThat(days.get(3).get("action").asText()).isEqualTo("rest");
        JsonNode times = days.get(0).get("sendTimes");
        assertThat(times).hasSize(5);
        times.forEach(t -> assertThat(t.asText()).startsWith("2026-03-05T1").endsWith("+01:00"));
    }

    @Test
    void textShowsTheCapWhenTheProviderLimitBinds() {
        assertThat(run("warmup", "plan", "--start", "3", "--target", "400", "--provider", "outlook",
                "--campaign-volume", "280", "--start-date", "2026-03-02")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("Outlook.com: 3 -> 20 a day").contains("capped")
                .contains("day   1  2026-03-02 Mon      3  start");
    }

    @Test
    void badInputIsAUsageErrorWithoutAStackTrace() {
        assertThat(run("warmup", "plan", "--target", "50", "--provider", "hotmale")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("unknown provider 'hotmale'").doesNotContain("Exception");
        assertThat(run("warmup", "plan", "--start", "60", "--target", "50")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--target (50) must be at least --start (60)");
        assertThat(run("warmup", "plan", "--target", "50", "--tz", "Mars/Olympus")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("unknown time zone");
        assertThat(run("warmup", "plan", "--target", "50", "--hours", "17:00-09:00")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("business hours must start before they end");
    }
}
