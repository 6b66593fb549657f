package org.maildoctor.transport.starttls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EhloExtensionsTest {
    @Test
    void keywordsAndSize() {
        EhloExtensions e = EhloExtensions.parse(List.of("mx.example Hello", "PIPELINING", "SIZE 35882577",
                "starttls", "AUTH=LOGIN PLAIN", "SMTPUTF8"));
        assertThat(e.has("STARTTLS")).isTrue();
        assertThat(e.has("pipelining")).isTrue();
        assertThat(e.has("REQUIRETLS")).isFalse();
        assertThat(e.sizeLimit()).hasValue(35882577);
        assertThat(e.parameter("AUTH")).hasValue("LOGIN PLAIN");
        assertThat(e.has("mx.example")).as("the greeting line is not an extension").isFalse();
        assertThat(EhloExtensions.parse(List.of("x", "SIZE")).sizeLimit()).isEmpty();
        assertThat(EhloExtensions.parse(List.of("x", "SIZE many")).sizeLimit()).isEmpty();
    }
}
