package org.maildoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maildoctor.verify.Verdict;

/** The verify command's usage errors and the verdicts that need no network (syntax). */
class VerifyCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void noAddressIsAUsageError() {
        assertThat(run("verify")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("give one or more addresses, or --input FILE");
    }

    @Test
    void anInvalidAddressIsAVerdictNotAUsageError() throws Exception {
        // no DNS query is made for a syntax error; the server below does not exist
        assertThat(run("verify", "--json", "--dns", "127.0.0.1:9", "not an address")).isEqualTo(ExitCode.PROBLEMS);
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertThat(doc.get("verdict").asText()).isEqualTo("undeliverable");
        assertThat(doc.get("reason").asText()).isEqualTo("syntaxerror");
        assertThat(doc.get("smtp").isNull()).isTrue();
        assertThat(doc.has("suggestion")).isTrue();
    }

    @Test
    void severalAddressesGiveJsonLines() throws Exception {
        assertThat(run("verify", "--json", "--dns", "127.0.0.1:9", "a@@b", "@x.org")).isEqualTo(ExitCode.PROBLEMS);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(2);
        for (String l : lines) {
            assertThat(new ObjectMapper().readTree(l).get("reason").asText()).isEqualTo("syntaxerror");
        }
    }

    @Test
    void aMissingInputFileOrColumnIsAClearUsageError() throws Exception {
        assertThat(run("verify", "--input", dir.resolve("nope.csv").toString(), "--data-dir", dir.toString()))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("no such file");
        Path csv = dir.resolve("people.csv");
        Files.writeString(csv, "name,phone\nJane,123\n");
        assertThat(run("verify", "--input", csv.toString(), "--data-dir", dir.resolve("db").toString(),
                "--dns", "127.0.0.1:9")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("columns found: name, phone").doesNotContain("Exception");
    }

    @Test
    void exitCodes() {
        assertThat(VerifyCommand.exitCode(List.of(Verdict.DELIVERABLE))).isEqualTo(ExitCode.OK);
        assertThat(VerifyCommand.exitCode(List.of(Verdict.DELIVERABLE, Verdict.UNKNOWN))).isEqualTo(ExitCode.RUNTIME);
        assertThat(VerifyCommand.exitCode(List.of(Verdict.UNKNOWN, Verdict.RISKY))).isEqualTo(ExitCode.PROBLEMS);
    }

    @Test
    void zeroGreylistBudgetMeansNoRetry() {
        assertThat(new VerifyCommand.BudgetConverter().convert("0s")).isZero();
        assertThat(new VerifyCommand.BudgetConverter().convert("90s")).hasSeconds(90);
    }
}
