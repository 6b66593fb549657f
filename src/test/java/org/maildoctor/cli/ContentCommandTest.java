package org.maildoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code maildoctor content check FILE.eml|FILE.html}. */
class ContentCommandTest {
    @TempDir
    Path dir;

    static Path crafted(String name) throws Exception {
        return Path.of(ContentCommandTest.class.getResource("/content/crafted/" + name).toURI());
    }

    @Test
    void aMessageWithAShortenedLinkGivesThatFindingAndExitOne() throws Exception {
        DkimCommandTest.Run r = DkimCommandTest.run("content", "check", crafted("link-shortener.eml").toString(), "--json");
        assertThat(r.code()).isEqualTo(ExitCode.PROBLEMS);
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("findings")).hasSize(1);
        assertThat(doc.at("/findings/0/id").asText()).isEqualTo("links.shortener");
        assertThat(doc.at("/findings/0/fix").asText()).isNotEmpty();
        assertThat(doc.get("score").asDouble()).isEqualTo(8.5);
        assertThat(doc.get("spamScore").asDouble()).isEqualTo(1.0);
        assertThat(doc.get("likelySpam").asBoolean()).isFalse();
        assertThat(doc.at("/findings/0/spamWeight").asDouble()).isEqualTo(1.0);
    }

    @Test
    void theControlIsCleanAndAnHtmlFileIsReadAsATemplate() throws Exception {
        assertThat(DkimCommandTest.run("content", "check", crafted("control.eml").toString()).code()).isZero();
        Path html = dir.resolve("t.html");
        Files.writeString(html, "<html><body><p>Hi</p><script>x()</script></body></html>");
        DkimCommandTest.Run r = DkimCommandTest.run("content", "check", html.toString());
        assertThat(r.code()).isEqualTo(ExitCode.PROBLEMS);
        assertThat(r.out()).contains("html.script").contains("mime.no-text-alternative").contains("fix: ");
    }

    @Test
    void aMissingFileIsAUsageError() {
        DkimCommandTest.Run r = DkimCommandTest.run("content", "check", dir.resolve("nope.eml").toString());
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("cannot read");
    }
}
