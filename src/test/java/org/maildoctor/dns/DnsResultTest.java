package org.maildoctor.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DnsResultTest {
    private static final List<DnsRecord.Cname> NONE = List.of();

    @Test
    void describesEachOutcomeInOneLine() {
        assertThat(new DnsResult.NxDomain("nosuchname.good.test", RecordType.A, NONE, Optional.empty()).describe())
                .isEqualTo("NXDOMAIN: nosuchname.good.test does not exist");
        assertThat(new DnsResult.NoData("good.test", RecordType.AAAA, NONE, Optional.empty()).describe())
                .isEqualTo("NODATA: good.test exists but has no AAAA record");
        assertThat(new DnsResult.Timeout("good.test", RecordType.MX, "127.0.0.1:9", Duration.ofSeconds(2)).describe())
                .isEqualTo("timeout after 2s waiting for 127.0.0.1:9 (good.test/MX)");
        assertThat(new DnsResult.Timeout("x", RecordType.MX, "s", Duration.ofMillis(1500)).describe()).contains("1.5s");
        assertThat(new DnsResult.Unreachable("good.test", RecordType.MX, "127.0.0.1:9",
                "refused the connection (ICMP port unreachable)").describe())
                .isEqualTo("unreachable: 127.0.0.1:9 refused the connection (ICMP port unreachable) (good.test/MX)");
        assertThat(new DnsResult.Refused("x.example", RecordType.A, "127.0.0.1:53").describe())
                .isEqualTo("REFUSED: 127.0.0.1:53 refused to answer x.example/A");
        assertThat(new DnsResult.NxDomain("a.test", RecordType.A,
                List.of(new DnsRecord.Cname("a.test", 300, "b.test")), Optional.empty()).describe())
                .isEqualTo("NXDOMAIN: a.test (via CNAME -> b.test) does not exist");
    }

    @Test
    void voidAndFailureAreDistinct() {
        DnsResult nx = new DnsResult.NxDomain("a", RecordType.A, NONE, Optional.empty());
        DnsResult nodata = new DnsResult.NoData("a", RecordType.A, NONE, Optional.empty());
        DnsResult timeout = new DnsResult.Timeout("a", RecordType.A, "s", Duration.ofSeconds(1));
        assertThat(nx.isVoid()).isTrue();
        assertThat(nodata.isVoid()).isTrue();
        assertThat(timeout.isVoid()).isFalse();
        assertThat(timeout.isFailure()).isTrue();
        assertThat(nx.isFailure()).isFalse();
        assertThat(List.of(nx, nodata, timeout)).extracting(DnsResult::outcome)
                .containsExactly("nxdomain", "nodata", "timeout");
    }

    @Test
    void anAnswerIsNeverEmpty() {
        assertThatThrownBy(() -> new DnsResult.Answer("a", RecordType.A, List.of(), NONE, false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
