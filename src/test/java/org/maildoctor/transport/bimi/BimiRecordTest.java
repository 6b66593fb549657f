package org.maildoctor.transport.bimi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BimiRecordTest {

    @Test
    void locationAndAuthority() {
        var v = (BimiRecord.Parse.Valid) BimiRecord.parse("v=BIMI1; l=https://example.com/logo.svg; a=https://example.com/vmc.pem");
        assertThat(v.record().location().orElseThrow().getHost()).isEqualTo("example.com");
        assertThat(v.record().authority()).isPresent();
        assertThat(v.record().declined()).isFalse();
    }

    @Test
    void emptyTagsDecline() {
        var v = (BimiRecord.Parse.Valid) BimiRecord.parse("v=BIMI1; l=; a=;");
        assertThat(v.record().declined()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"v=BIMI1; l=http://example.com/logo.svg", "v=BIMI1;", "v=BIMI2; l=https://e.example/l.svg",
        "v=BIMI1; l=https://e.example/a.svg; l=https://e.example/b.svg", "v=BIMI1; l=not a url", "v=BIMI1;; l=https://e.example/l.svg"})
    void invalid(String text) {
        assertThat(BimiRecord.parse(text)).isInstanceOf(BimiRecord.Parse.Invalid.class);
    }
}
