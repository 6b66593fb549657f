package org.maildoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maildoctor.testing.Harness;

/**
 * {@code maildoctor analyze --blocklists …} against the harness's fake lists (zone bl.test):
 * a listed client IP costs points with the delisting link as fix, a refusing list is unknown.
 */
class AnalyzeBlocklistIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String HARNESS_LISTS = "src/test/resources/blocklist/harness-lists.yml";
    @TempDir
    Path dir;

    private JsonNode analyze(String clientIp, String catalogue, byte[] message) throws Exception {
        Path file = dir.resolve("m-" + System.nanoTime() + ".eml");
        Files.write(file, message);
        DkimCommandTest.Run r = DkimCommandTest.run("analyze", file.toString(), "--client-ip", clientIp, "--helo",
                "mx.good.test", "--mail-from", "alice@good.test", "--dns", Harness.dnsServer(), "--blocklists",
                catalogue, "--json");
        assertThat(r.err()).isEmpty();
        JsonNode doc = JSON.readTree(r.out());
        // the contract fields stay
        assertThat(doc.has("score")).isTrue();
        assertThat(doc.at("/authentication/spf/result").isTextual()).isTrue();
        return doc;
    }

    private static List<JsonNode> checks(JsonNode doc, String id) {
        List<JsonNode> out = new ArrayList<>();
        doc.get("checks").forEach(c -> {
            if (c.get("id").asText().equals(id)) {
                out.add(c);
            }
        });
        return out;
    }

    /** Only the fake ZEN and DBL: lists that answer. */
    private String answeringLists() throws Exception {
        String all = Files.readString(Path.of(HARNESS_LISTS));
        StringBuilder kept = new StringBuilder("replace: true\nlists:\n");
        boolean keep = false;
        for (String line : all.lines().toList()) {
            if (line.startsWith("  - id: ")) {
                keep = line.endsWith("zen") || line.endsWith("dbl");
            }
            if (keep && line.startsWith("  ")) {
                kept.append(line).append('\n');
            }
        }
        Path file = dir.resolve("answering.yml");
        Files.writeString(file, kept.toString());
        return file.toString();
    }

    @Test
    void aListedClientIpCostsPointsWithTheDelistingLinkAsFix() throws Exception {
        JsonNode doc = analyze("192.0.2.99", answeringLists(), AnalyzeAndTestCommandsIT.signedMessage());
        List<JsonNode> bl = checks(doc, "blocklist");
        assertThat(bl).as(doc.toString()).singleElement().satisfies(c -> {
            assertThat(c.get("status").asText()).isEqualTo("fail");
            assertThat(c.get("explanation").asText()).contains("192.0.2.99").contains("zen.bl.test").contains("SBL");
            assertThat(c.get("fix").asText()).contains("https://check.spamhaus.org/");
        });
        assertThat(checks(doc, "blocklist.unknown")).isEmpty();
    }

    @Test
    void aListedReturnPathDomainIsLookedUpOnTheDomainLists() throws Exception {
        byte[] signed = AnalyzeAndTestCommandsIT.signedMessage();
        byte[] withReturnPath = ("Return-Path: <bounce@spam.example>\r\n" + new String(signed, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        JsonNode doc = analyze("192.0.2.10", answeringLists(), withReturnPath);
        assertThat(checks(doc, "blocklist")).as(doc.toString()).singleElement().satisfies(c -> {
            assertThat(c.get("status").asText()).isEqualTo("fail");
            assertThat(c.get("explanation").asText()).contains("spam.example").contains("dbl.bl.test");
        });
    }

    @Test
    void aCleanIpOnListsThatAnswerPasses() throws Exception {
        JsonNode doc = analyze("192.0.2.10", answeringLists(), AnalyzeAndTestCommandsIT.signedMessage());
        assertThat(checks(doc, "blocklist")).as(doc.toString()).singleElement()
                .satisfies(c -> assertThat(c.get("status").asText()).isEqualTo("pass"));
        assertThat(checks(doc, "blocklist.unknown")).isEmpty();
    }

    @Test
    void aRefusingListIsUnknownNotAPassAndCostsNothing() throws Exception {
        JsonNode clean = analyze("192.0.2.10", HARNESS_LISTS, AnalyzeAndTestCommandsIT.signedMessage());
        JsonNode baseline = analyze("192.0.2.10", answeringLists(), AnalyzeAndTestCommandsIT.signedMessage());
        assertThat(checks(clean, "blocklist.unknown")).as(clean.toString()).singleElement().satisfies(c -> {
            assertThat(c.get("status").asText()).isEqualTo("unknown");
            assertThat(c.get("explanation").asText()).contains("refused.bl.test (query refused)");
        });
        assertThat(checks(clean, "blocklist")).noneMatch(c -> c.get("status").asText().equals("pass"));
        assertThat(clean.get("score").asDouble()).isEqualTo(baseline.get("score").asDouble());
    }
}
