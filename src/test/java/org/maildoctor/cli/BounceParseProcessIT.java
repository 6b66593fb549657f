package org.maildoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bounce parse} as a real process from the packaged jar: an mbox several times larger than the
 * forked JVM's heap streams through (issue 3: "a file far larger than memory"), stdin works, and the
 * exit codes hold. The bench's 1 GB / -Xmx256m run is the same code path at a larger scale.
 */
class BounceParseProcessIT {
    private static final Path JAR = Path.of("target", "maildoctor-all.jar");
    static final int HEAP_MB = 64;

    record Run(int exit, String out, String err) {
    }

    static Run run(Path dir, byte[] stdin, String... args) throws Exception {
        return run(dir, List.of(), stdin, args);
    }

    static Run run(Path dir, List<String> jvmOptions, byte[] stdin, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP_MB + "m", "-XX:+ExitOnOutOfMemoryError"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin);
            }
        }
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1),
                Files.readString(err, StandardCharsets.ISO_8859_1));
    }

    /** One bounce with a returned message of about {@code bodyKb} KB whose body has mbox traps in it. */
    static String message(int i, int bodyKb) {
        StringBuilder body = new StringBuilder();
        body.append("Hello,\nFrom Monday on the office is closed.\n");
        body.append("From someone Mon Jan  5 10:00:00 2009 wrote to us\nand this is prose, not a header.\n");
        body.append(">From a quoted line in mboxrd style\n");
        String filler = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt.\n";
        while (body.length() < bodyKb * 1024) {
            body.append(filler);
        }
        return "From MAILER-DAEMON Sun Dec  6 01:%02d:%02d 2026\n".formatted((i / 60) % 60, i % 60)
                + BounceParseCommandTest.dsn("user" + i + "@domain" + (i % 50) + ".example", "5.1.1",
                        "Sun, 6 Dec 2026 01:00:00 +0000").replace("--B--\n", """
                --B
                Content-Type: message/rfc822

                From: sender@sender.test
                To: user%d@domain%d.example
                Subject: newsletter
                Message-ID: <%d@sender.test>

                %s
                --B--
                """.formatted(i, i % 50, i, body));
    }

    @Test
    void anMboxLargerThanTheHeapStreamsThrough(@TempDir Path dir) throws Exception {
        assertThat(JAR).as("the packaged jar (mvn package runs before the ITs)").exists();
        Path mbox = dir.resolve("big.mbox");
        int n = 0;
        long target = HEAP_MB * 3L * 1024 * 1024;
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(mbox), 1 << 20)) {
            long written = 0;
            while (written <= target) {
                byte[] m = message(n++, 40).getBytes(StandardCharsets.US_ASCII);
                o.write(m);
                written += m.length;
            }
        }
        assertThat(Files.size(mbox)).isGreaterThan(3L * HEAP_MB * 1024 * 1024);
        Run r = run(dir, null, "bounce", "parse", mbox.toString(), "--summary", "--json");
        assertThat(r.err()).doesNotContain("OutOfMemoryError").doesNotContain("Exception");
        assertThat(r.exit()).isZero();
        JsonNode s = Output.json().readTree(r.out());
        // every message read once: no "From " line inside a body split a message
        assertThat(s.get("messages").asInt()).isEqualTo(n);
        assertThat(s.get("bounces").asInt()).isEqualTo(n);
        assertThat(s.get("byReason").get("userunknown").asInt()).isEqualTo(n);
        assertThat(s.get("hardRecipients").asInt()).isEqualTo(n);
    }

    @Test
    void theCorpusDirectoryAsJsonLinesAndAsASummary(@TempDir Path dir) throws Exception {
        Path corpus = Path.of(getClass().getResource("/corpora/bounces").toURI());
        Run lines = run(dir, null, "bounce", "parse", corpus.toString());
        assertThat(lines.exit()).isZero();
        List<String> rows = lines.out().lines().toList();
        assertThat(rows).hasSizeGreaterThan(900);
        for (String l : rows) {
            JsonNode n = Output.json().readTree(l);
            for (String f : List.of("file", "recipient", "status", "replyCode", "reason", "hard", "action", "diagnostic",
                    "reportingMta", "dialect")) {
                assertThat(n.has(f)).as(f + " in " + l).isTrue();
            }
        }
        // per-file warnings on stderr, one line each, no stack traces
        assertThat(lines.err()).contains("size-0: empty file").doesNotContain("\tat ");
        Run summary = run(dir, null, "bounce", "parse", corpus.toString(), "--summary", "--json", "--sent", "1000");
        JsonNode s = Output.json().readTree(summary.out());
        assertThat(s.get("bounceRate").get("aboveLine").asBoolean()).isTrue();
        assertThat(s.get("clusters").findValuesAsText("domain")).contains("libsisimai.net");
    }

    @Test
    void stdinAndExitCodes(@TempDir Path dir) throws Exception {
        byte[] bounce = BounceParseCommandTest.dsn("jane@example.com", "5.1.1", "Sun, 6 Dec 2026 01:00:00 +0000")
                .getBytes(StandardCharsets.UTF_8);
        Run ok = run(dir, bounce, "bounce", "parse", "-", "--format", "table");
        assertThat(ok.exit()).isZero();
        assertThat(ok.out()).contains("jane@example.com", "userunknown");

        Path junk = Files.createDirectories(dir.resolve("junk"));
        Files.write(junk.resolve("x.bin"), new byte[] {0, 1, 2, (byte) 0xfe});
        Run bad = run(dir, null, "bounce", "parse", junk.toString());
        assertThat(bad.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).contains("x.bin: undecodable", "no input could be read").doesNotContain("Exception");
    }

    /**
     * Rows stay buffered past warnings when stdout and stderr are different files, and are written out before each
     * warning when both go to one file ({@code 2>&1}), which then shows them in input order.
     */
    @Test
    void rowsAndWarningsInOneFileKeepTheirOrderAndInTwoFilesAllArrive(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Path f = in.resolve(String.format("m%02d.eml", i));
            if (i % 8 == 3) {
                Files.write(f, new byte[0]);
                expected.add(String.format("warn m%02d", i));
            } else {
                Files.writeString(f, BounceParseCommandTest.dsn("user" + i + "@example.com", "5.1.1",
                        "Sun, 06 Dec 2026 01:00:00 +0000"));
                expected.add("row " + i);
            }
        }
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toAbsolutePath().toString(), "bounce", "parse", in.toString());
        Path both = dir.resolve("both.txt");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(both.toFile()).start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("finished").isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(tagged(Files.readString(both))).containsExactlyElementsOf(expected);

        Run apart = run(dir, null, "bounce", "parse", in.toString());
        assertThat(apart.exit()).isZero();
        assertThat(tagged(apart.out())).containsExactlyElementsOf(expected.stream().filter(l -> l.startsWith("row")).toList());
        assertThat(tagged(apart.err())).containsExactlyElementsOf(expected.stream().filter(l -> l.startsWith("warn")).toList());
    }

    private static List<String> tagged(String lines) {
        return lines.lines()
                .map(l -> l.startsWith("maildoctor: ") ? l.replaceAll(".*/(m\\d\\d)\\.eml: empty file", "warn $1")
                        : l.replaceAll(".*\"recipient\":\"user(\\d+)@.*", "row $1"))
                .toList();
    }

    /**
     * JSON lines are written as UTF-8 bytes of their own when stdout's charset is UTF-8, and through stdout's
     * writer otherwise: either way the bytes are what the writer makes (a character outside the BMP as its four
     * bytes, not as escapes).
     */
    @Test
    void jsonLinesAreInStdoutsCharset(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.eml");
        Files.writeString(in, BounceParseCommandTest.dsn("jane@example.org", "5.1.1", "Sun, 6 Dec 2026 01:00:00 +0000")
                .replace("refused", "Postfach unbekannt \u00e9 \ud83d\ude00")
                .replace("message/delivery-status", "message/global-delivery-status"), StandardCharsets.UTF_8);

        Run utf8 = run(dir, List.of("-Dstdout.encoding=UTF-8"), null, "bounce", "parse", in.toString());
        assertThat(utf8.exit()).as(utf8.err()).isZero();
        String line = new String(utf8.out().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        assertThat(line).contains("unbekannt \u00e9 \ud83d\ude00\"").doesNotContain("\\u");
        JsonNode row = Output.json().readTree(line);
        assertThat(row.get("diagnostic").asText()).endsWith("unbekannt \u00e9 \ud83d\ude00");

        Run latin1 = run(dir, List.of("-Dstdout.encoding=ISO-8859-1"), null, "bounce", "parse", in.toString());
        assertThat(latin1.exit()).as(latin1.err()).isZero();
        assertThat(latin1.out()).contains("unbekannt \u00e9 ?\"");
        assertThat(latin1.out()).as("the same line but for the character ISO-8859-1 has not")
                .isEqualTo(line.replace("\ud83d\ude00", "?"));
    }
}
