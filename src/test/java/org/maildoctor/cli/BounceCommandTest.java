package org.maildoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BounceCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private static Path corpus(String rel) throws URISyntaxException {
        return Path.of(BounceCommandTest.class.getResource("/corpora/bounces/" + rel).toURI());
    }

    @Test
    void printsOneJsonLinePerRecipientWithTheContractFields() throws Exception {
        assertThat(run("bounce", "parse", corpus("lhost/exim").toString())).isEqualTo(ExitCode.OK);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSizeGreaterThan(30);
        JsonNode first = Output.json().readTree(lines.get(0));
        for (String f : List.of("file", "recipient", "status", "replyCode", "reason", "hard", "action", "diagnostic",
                "reportingMta", "dialect")) {
            assertThat(first.has(f)).as(f).isTrue();
        }
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"reason\":\"userunknown\"").contains("\"hard\":true"));
    }

    @Test
    void csvAndTableFormats() throws Exception {
        String file = corpus("lhost/exim/lhost-exim-01.eml").toString();
        assertThat(run("bounce", "parse", "--format", "csv", file)).isEqualTo(ExitCode.OK);
        assertThat(out.toString().lines().findFirst()).hasValueSatisfying(h -> assertThat(h).startsWith("file,recipient,"));
        out.getBuffer().setLength(0);
        assertThat(run("bounce", "parse", "--format", "table", file)).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("recipient").contains("kijitora@example.ed.jp");
    }

    @Test
    void unreadableInputExitsTwoAndOrdinaryMailGivesNoLine(@TempDir Path dir) throws Exception {
        assertThat(run("bounce", "parse", dir.resolve("missing.eml").toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("cannot read");
        out.getBuffer().setLength(0);
        Path plain = Files.writeString(dir.resolve("plain.eml"), "From: a@example.org\nSubject: hi\n\nhello\n");
        assertThat(run("bounce", "parse", plain.toString())).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).isEmpty();
    }

    /** Acceptance (issue 3): the whole corpus directory gives JSON lines with the part-2 fields. */
    @Test
    void theWholeCorpusDirectoryGivesJsonLines() throws Exception {
        assertThat(run("bounce", "parse", corpus("").toString())).isEqualTo(ExitCode.OK);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSizeGreaterThan(900);
        for (String l : lines) {
            JsonNode n = Output.json().readTree(l);
            assertThat(n.has("recipient") && n.has("reason") && n.has("hard") && n.has("dialect")).as(l).isTrue();
        }
    }
}
