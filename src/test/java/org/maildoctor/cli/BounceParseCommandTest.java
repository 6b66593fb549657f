package org.maildoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bounce parse} batch features (issue 3 part 3), in-process against the corpus and temp files. */
class BounceParseCommandTest {

    static final String POSTFIX = "Dec  6 01:42:03 mx1 postfix/smtp[4242]: 3F2A1C0D12: to=<jane@example.com>, "
            + "relay=mx.example.com[192.0.2.1]:25, delay=0.52, delays=0.01/0/0.3/0.2, dsn=5.1.1, status=bounced "
            + "(host mx.example.com[192.0.2.1] said: 550 5.1.1 <jane@example.com>: Recipient address rejected: "
            + "User unknown in virtual mailbox table (in reply to RCPT TO command))";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final InputStream realStdin = BounceParseCommand.stdin;

    @AfterEach
    void restore() {
        BounceParseCommand.stdin = realStdin;
    }

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    static Path corpus() throws Exception {
        return Path.of(BounceParseCommandTest.class.getResource("/corpora/bounces").toURI());
    }

    /** A one-recipient DSN refused with {@code status} at {@code date}. */
    static String dsn(String rcpt, String status, String date) {
        return """
                From: MAILER-DAEMON@mx.sender.test
                Date: %s
                Subject: Undelivered Mail Returned to Sender
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="B"

                --B
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.sender.test

                Final-Recipient: rfc822; %s
                Action: failed
                Status: %s
                Diagnostic-Code: smtp; 550 %s <%s>: refused

                --B--
                """.formatted(date, rcpt, status, status, rcpt);
    }

    @Test
    void summaryOfTheCorpusAsJsonWithRateAndSuppressionList(@TempDir Path dir) throws Exception {
        Path supp = dir.resolve("suppress.csv");
        assertThat(run("bounce", "parse", corpus().toString(), "--summary", "--json", "--sent", "20000",
                "--suppression", supp.toString())).isEqualTo(ExitCode.OK);
        JsonNode s = Output.json().readTree(out.toString());
        assertThat(s.get("messages").asLong()).isGreaterThan(900);
        assertThat(s.get("byReason").get("userunknown").asLong()).isGreaterThan(100);
        assertThat(s.get("byDomain").size()).isGreaterThan(50);
        assertThat(s.get("byProvider").has("Google")).isTrue();
        JsonNode rate = s.get("bounceRate");
        assertThat(rate.get("sent").asLong()).isEqualTo(20000);
        assertThat(rate.get("aboveLine").asBoolean()).isEqualTo(rate.get("rate").asDouble() > 0.02);
        assertThat(s.get("clusters").isArray()).isTrue();
        List<String> csv = Files.readAllLines(supp);
        assertThat(csv.get(0)).isEqualTo("email,reason,status,diagnostic,date,file");
        assertThat(csv).hasSize(s.get("hardRecipients").asInt() + 1);
        assertThat(csv.subList(1, csv.size())).allSatisfy(l -> assertThat(l).contains("@"));
        // the summary replaces the rows: one JSON document, not JSON lines
        assertThat(out.toString().lines().filter(l -> l.startsWith("{\"file\"")).count()).isZero();
    }

    @Test
    void aBurstOfUserUnknownFromOneDomainIsFlaggedAsABlock(@TempDir Path dir) throws Exception {
        for (int i = 0; i < 6; i++) {
            Files.writeString(dir.resolve("b" + i + ".eml"), dsn("user" + i + "@bigisp.example", "5.1.1",
                    "Sun, 6 Dec 2026 01:0" + i + ":00 +0000"));
        }
        Files.writeString(dir.resolve("other.eml"), dsn("solo@small.example", "5.1.1", "Sun, 6 Dec 2026 01:00:00 +0000"));
        assertThat(run("bounce", "parse", dir.toString(), "--summary")).isEqualTo(ExitCode.OK);
        String text = out.toString();
        assertThat(text).contains("bigisp.example 5.1.1: 6 5.1.1 refusals for 6 different recipients at bigisp.example within 5 min",
                "likely a block or reputation problem, not bad addresses", "e.g. user0@bigisp.example");
        assertThat(text).doesNotContain("small.example 5.1.1:");
    }

    @Test
    void postfixLogOnStdinGivesJsonLines() throws Exception {
        String log = "Dec  6 01:42:01 mx1 postfix/smtpd[1]: connect from unknown[192.0.2.9]\n" + POSTFIX + "\n";
        BounceParseCommand.stdin = new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8));
        assertThat(run("bounce", "parse", "-")).isEqualTo(ExitCode.OK);
        JsonNode row = Output.json().readTree(out.toString().lines().findFirst().orElseThrow());
        assertThat(row.get("file").asText()).isEqualTo("-");
        assertThat(row.get("recipient").asText()).isEqualTo("jane@example.com");
        assertThat(row.get("reason").asText()).isEqualTo("userunknown");
        assertThat(row.get("hard").asBoolean()).isTrue();
        assertThat(row.get("status").asText()).isEqualTo("5.1.1");
        assertThat(row.get("replyCode").asInt()).isEqualTo(550);
        assertThat(row.get("dialect").asText()).isEqualTo("PostfixLog");
        assertThat(row.get("remoteMta").asText()).isEqualTo("mx.example.com");
    }

    @Test
    void maildirReadsCurAndNewButNotTmp(@TempDir Path dir) throws Exception {
        for (String sub : List.of("cur", "new", "tmp")) {
            Files.createDirectories(dir.resolve(sub));
            Files.writeString(dir.resolve(sub).resolve("1733450000.M1P1.host:2,S"), dsn(sub + "@example.com", "5.1.1", "Sun, 6 Dec 2026 01:00:00 +0000"));
        }
        Files.writeString(dir.resolve("dovecot-uidlist"), "3 V1 N2\n");
        assertThat(run("bounce", "parse", dir.toString(), "--format", "csv")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("cur@example.com", "new@example.com").doesNotContain("tmp@example.com");
        assertThat(err.toString()).doesNotContain("dovecot-uidlist");
    }

    @Test
    void binariesAndEmptyFilesWarnAndTheBatchGoesOn(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("a.bin"), new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 9});
        Files.write(dir.resolve("b.empty"), new byte[0]);
        Files.writeString(dir.resolve("c.eml"), dsn("jane@example.com", "5.1.1", "Sun, 6 Dec 2026 01:00:00 +0000"));
        Files.createSymbolicLink(dir.resolve("d.eml"), dir.resolve("gone.eml"));
        assertThat(run("bounce", "parse", dir.toString())).isEqualTo(ExitCode.OK);
        assertThat(err.toString()).contains("a.bin: undecodable", "b.empty: empty file", "d.eml: skipped: not a regular file")
                .doesNotContain("Exception");
        assertThat(out.toString()).contains("jane@example.com");
    }

    /**
     * Rows are buffered for speed, but a warning first writes out the rows before it: on a terminal (one
     * stream for both) the lines come in the order the inputs were read, as when every row was flushed.
     */
    @Test
    void rowsAndWarningsKeepTheirOrderOnOneStream(@TempDir Path dir) throws Exception {
        for (int i = 0; i < 30; i++) {
            Path f = dir.resolve(String.format("m%02d.eml", i));
            if (i % 10 == 5) {
                Files.write(f, new byte[0]);
            } else {
                Files.writeString(f, dsn("user" + i + "@example.com", "5.1.1", "Sun, 06 Dec 2026 01:00:00 +0000"));
            }
        }
        StringWriter both = new StringWriter();
        PrintWriter w = new PrintWriter(both, true);
        assertThat(Main.run(new String[] {"bounce", "parse", dir.toString()}, w, w)).isEqualTo(ExitCode.OK);
        List<String> order = both.toString().lines()
                .map(l -> l.startsWith("maildoctor: ") ? l.replaceAll(".*/(m\\d\\d)\\.eml: empty file", "warn $1")
                        : l.replaceAll(".*\"recipient\":\"user(\\d+)@.*", "row $1"))
                .toList();
        List<String> expected = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            expected.add(i % 10 == 5 ? String.format("warn m%02d", i) : "row " + i);
        }
        assertThat(order).containsExactlyElementsOf(expected);
    }

    @Test
    void nothingReadableExitsTwo(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("a.bin"), new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 9});
        Files.write(dir.resolve("b.empty"), new byte[0]);
        assertThat(run("bounce", "parse", dir.toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("no input could be read");
        assertThat(run("bounce", "parse", dir.resolve("missing").toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("missing: cannot read: no such file or directory");
    }

    @Test
    void verboseGivesARowForMessagesWithoutAResult(@TempDir Path dir) throws Exception {
        Path plain = Files.writeString(dir.resolve("plain.eml"), "From: a@example.org\nSubject: hi\n\nhello\n");
        assertThat(run("bounce", "parse", plain.toString())).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).isEmpty();
        assertThat(run("bounce", "parse", "--verbose", plain.toString())).isEqualTo(ExitCode.OK);
        JsonNode row = Output.json().readTree(out.toString().strip());
        assertThat(row.get("outcome").asText()).isEqualTo("not-a-bounce");
        assertThat(row.get("recipient").isNull()).isTrue();
    }

    @Test
    void badOptionValuesAreUsageErrors() throws Exception {
        assertThat(run("bounce", "parse", corpus().resolve("arf").toString(), "--sent", "0")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--sent must be a positive");
    }
}
