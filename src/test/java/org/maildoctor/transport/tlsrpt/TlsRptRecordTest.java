package org.maildoctor.transport.tlsrpt;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 8460 §3: v=TLSRPTv1 then rua= with mailto: or https: URIs. */
class TlsRptRecordTest {

    @Test
    void theRfcExamplesParse() {
        var v = (TlsRptRecord.Parse.Valid) TlsRptRecord.parse("v=TLSRPTv1;rua=mailto:reports@example.com");
        assertThat(v.record().rua()).containsExactly(URI.create("mailto:reports@example.com"));
        var two = (TlsRptRecord.Parse.Valid) TlsRptRecord.parse(
                "v=TLSRPTv1; rua=https://reporting.example.com/v1/tlsrpt, mailto:tls@example.com; ext=1");
        assertThat(two.record().rua()).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v=TLSRPTv1", "v=TLSRPTv1; rua=ftp://x.example/r", "v=TLSRPTv1; rua=mailto:nobody",
        "v=TLSRPTv1; rua=", "v=TLSRPTv2; rua=mailto:a@b.example", "v=TLSRPTv1; rua=mailto:a@b.example; rua=mailto:c@d.example",
        "v=TLSRPTv1; rua=https:///nohost", "v=TLSRPTv1;; rua=mailto:a@b.example"})
    void invalidRecordsSayWhy(String text) {
        assertThat(TlsRptRecord.parse(text)).isInstanceOfSatisfying(TlsRptRecord.Parse.Invalid.class,
                i -> assertThat(i.reason()).isNotBlank());
    }

    @Test
    void selection() {
        assertThat(TlsRptRecord.select(List.of("unrelated"))).isEmpty();
        assertThat(TlsRptRecord.select(List.of("v=TLSRPTv1; rua=mailto:a@b.example", "v=TLSRPTv1; rua=mailto:c@b.example"))
                .orElseThrow()).isInstanceOf(TlsRptRecord.Parse.Invalid.class);
    }
}
