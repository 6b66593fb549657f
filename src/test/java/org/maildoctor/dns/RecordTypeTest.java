package org.maildoctor.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecordTypeTest {
    @Test
    void parsesCaseInsensitively() {
        assertThat(RecordType.parse("mx")).isEqualTo(RecordType.MX);
        assertThat(RecordType.parse(" Tlsa ")).isEqualTo(RecordType.TLSA);
        assertThat(RecordType.parse("AAAA").code()).isEqualTo(28);
    }

    @Test
    void unknownTypeNamesTheKnownOnes() {
        assertThatThrownBy(() -> RecordType.parse("SRV"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown record type 'SRV' (known: A, NS, CNAME, SOA, PTR, MX, TXT, AAAA, TLSA, SPF)");
    }
}
