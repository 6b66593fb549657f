package org.maildoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maildoctor.testing.Harness;

/** {@code content check} and {@code analyze} with {@code --spamd}/{@code --rspamd} against the harness engines. */
class SecondOpinionCommandsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GTUBE = "From: a@misc.test\r\nTo: b@misc.test\r\nSubject: test\r\n\r\n"
            + "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X\r\n";

    @TempDir
    Path dir;

    @Test
    void contentCheckShowsBothEnginesVerdictsNextToOurs() throws Exception {
        Path eml = dir.resolve("gtube.eml");
        Files.writeString(eml, GTUBE);
        DkimCommandTest.Run r = DkimCommandTest.run("content", "check", eml.toString(), "--spamd",
                "127.0.0.1:" + Harness.spamdPort(), "--rspamd", "http://127.0.0.1:" + Harness.rspamdPort(),
                "--timeout", "20s", "--json");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.PROBLEMS);
        JsonNode doc = JSON.readTree(r.out());
        assertThat(doc.has("score")).isTrue();
        JsonNode sa = doc.at("/secondOpinions/0");
        assertThat(sa.get("engine").asText()).isEqualTo("spamassassin");
        assertThat(sa.get("status").asText()).isEqualTo("ok");
        assertThat(sa.get("spam").asBoolean()).isTrue();
        assertThat(sa.at("/rules/0/name").asText()).isEqualTo("GTUBE");
        JsonNode rs = doc.at("/secondOpinions/1");
        assertThat(rs.get("engine").asText()).isEqualTo("rspamd");
        assertThat(rs.get("action").asText()).isEqualTo("reject");

        DkimCommandTest.Run text = DkimCommandTest.run("content", "check", eml.toString(), "--spamd",
                "127.0.0.1:" + Harness.spamdPort(), "--timeout", "20s");
        assertThat(text.out()).contains("spamassassin: spam, score 10").contains("GTUBE");
    }

    @Test
    void aDownEngineIsAFindingNotAFailure() throws Exception {
        int dead;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            dead = s.getLocalPort();
        }
        Path eml = dir.resolve("note.eml");
        Files.writeString(eml, "From: Ann <ann@good.test>\r\nTo: bob@good.test\r\nSubject: Lunch on Tuesday\r\n"
                + "Date: Sun, 06 Dec 2026 04:00:00 +0000\r\nMessage-ID: <n1@good.test>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\nShall we meet for lunch at noon on Tuesday?\r\n");
        DkimCommandTest.Run r = DkimCommandTest.run("analyze", eml.toString(), "--client-ip", "127.0.0.1", "--helo",
                "mx.good.test", "--mail-from", "ann@good.test", "--dns", Harness.dnsServer(), "--spamd",
                "127.0.0.1:" + dead, "--rspamd", "http://127.0.0.1:" + Harness.rspamdPort(), "--timeout", "20s", "--json");
        JsonNode doc = JSON.readTree(r.out());
        assertThat(doc.at("/authentication/spf/result").asText()).isEqualTo("pass");
        assertThat(doc.at("/secondOpinions/0/status").asText()).isEqualTo("unavailable");
        assertThat(doc.at("/secondOpinions/0/reason").asText())
                .startsWith("second opinion unavailable: cannot reach spamd");
        assertThat(doc.at("/secondOpinions/1/status").asText()).isEqualTo("ok");
        assertThat(doc.at("/secondOpinions/1/spam").asBoolean()).isFalse();

        DkimCommandTest.Run bad = DkimCommandTest.run("content", "check", eml.toString(), "--rspamd", "ftp://x");
        assertThat(bad.code()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).contains("--rspamd: expected http://HOST:PORT");
    }
}
