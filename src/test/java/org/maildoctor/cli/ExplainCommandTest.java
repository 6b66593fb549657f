package org.maildoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExplainCommandTest {
    private static final String SEED =
            "554 5.1.1 <jane@example.org>: Recipient address rejected: User unknown in virtual mailbox table";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final InputStream originalStdin = ExplainCommand.stdin;

    @AfterEach
    void restoreStdin() {
        ExplainCommand.stdin = originalStdin;
    }

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void explainsInPlainWords() {
        assertThat(run("explain", SEED)).isEqualTo(ExitCode.OK);
        assertThat(out.toString())
                .contains("Reply code: 554")
                .contains("Status:     5.1.1 - Bad destination mailbox address")
                .contains("Reason:     userunknown")
                .contains("hard bounce")
                .contains("Likely causes:", "What to do (sender):", "What to do (mail admin):", "typo");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void jsonHasTheDocumentedStableFields() throws Exception {
        assertThat(run("explain", "--json", SEED)).isEqualTo(ExitCode.OK);
        JsonNode json = Output.json().readTree(out.toString());
        assertThat(json.get("replyCode").asInt()).isEqualTo(554);
        assertThat(json.get("status").asText()).isEqualTo("5.1.1");
        assertThat(json.get("reason").asText()).isEqualTo("userunknown");
        assertThat(json.get("hard").asBoolean()).isTrue();
        assertThat(json.get("meaning").asText()).isNotBlank();
        assertThat(json.get("causes").isArray() && json.get("causes").size() > 0).isTrue();
        assertThat(json.get("fixes").isArray() && json.get("fixes").size() > 0).isTrue();
        assertThat(json.fieldNames()).toIterable().startsWith("replyCode", "status", "reason", "hard", "title", "meaning",
                "causes", "fixes");
    }

    @Test
    void jsonUsesNullForAbsentCodesAndNamesTheProvider() throws Exception {
        assertThat(run("explain", "--json", "[TSS04] Messages from 192.0.2.1 temporarily deferred due to user complaints"))
                .isEqualTo(ExitCode.OK);
        JsonNode json = Output.json().readTree(out.toString());
        assertThat(json.get("replyCode").isNull()).isTrue();
        assertThat(json.get("status").isNull()).isTrue();
        assertThat(json.get("provider").asText()).isEqualTo("yahoo");
        assertThat(json.get("reason").asText()).isEqualTo("badreputation");
        assertThat(json.get("providerNotes").has("yahoo")).isTrue();
    }

    @Test
    void readsAMultiLineReplyFromStdin() {
        ExplainCommand.stdin = new ByteArrayInputStream("""
                550-5.7.26 Unauthenticated email from example.com is not accepted due to domain's
                550 5.7.26 DMARC policy. https://support.google.com/mail/?p=DmarcRejection - gsmtp
                """.getBytes(StandardCharsets.UTF_8));
        assertThat(run("explain", "-")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("Reason:     authfailure", "soft bounce", "Provider:   gmail", "Gmail:");
    }

    @Test
    void notAReplyIsAUsageErrorWithAClearMessage() {
        assertThat(run("explain", "hello world")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).startsWith("maildoctor: not an SMTP reply:").doesNotContain("Exception");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void missingArgumentIsAUsageError() {
        assertThat(run("explain")).isEqualTo(ExitCode.USAGE);
    }
}
