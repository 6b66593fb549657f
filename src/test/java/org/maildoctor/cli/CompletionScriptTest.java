package org.maildoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The build's bash completion knows every command and the subcommands under them. */
class CompletionScriptTest {

    @Test
    void completesEveryCommandAndNestedSubcommand() {
        String script = CompletionScript.bash();
        for (var sub : MaildoctorCommand.SUBCOMMANDS) {
            String name = sub.getKey();
            assertThat(script).as(name).contains(name);
        }
        assertThat(script).contains("_picocli_maildoctor_bounce_parse", "--format", "--time-limit");
    }
}
