package org.maildoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.maildoctor.dns.DnsRecord;
import org.maildoctor.dns.DnsResult;
import org.maildoctor.dns.RecordType;

/** The JSON shape of {@code maildoctor dns --json}, which scripts and the web layer rely on. */
class DnsCommandTest {

    @Test
    void answerDocumentHasTypedRecordFieldsAndTheChain() {
        DnsResult r = new DnsResult.Answer("alias.test", RecordType.TXT,
                List.of(DnsRecord.Txt.of("real.test", 60, List.of("a", "b"))),
                List.of(new DnsRecord.Cname("alias.test", 300, "real.test")), true);
        Map<String, Object> doc = DnsCommand.document(r, "127.0.0.1:5353", 12);
        assertThat(doc).containsEntry("outcome", "answer").containsEntry("authenticData", true)
                .containsEntry("server", "127.0.0.1:5353").containsEntry("elapsedMs", 12L)
                .doesNotContainKey("detail");
        assertThat(doc.keySet()).containsExactly("name", "type", "outcome", "records", "cnameChain",
                "authenticData", "server", "elapsedMs");
        @SuppressWarnings("unchecked")
        Map<String, Object> txt = ((List<Map<String, Object>>) doc.get("records")).getFirst();
        assertThat(txt).containsEntry("text", "ab").containsEntry("strings", List.of("a", "b"))
                .containsEntry("value", "\"a\" \"b\"").containsEntry("ttl", 60L);
        @SuppressWarnings("unchecked")
        Map<String, Object> cname = ((List<Map<String, Object>>) doc.get("cnameChain")).getFirst();
        assertThat(cname).containsEntry("type", "CNAME").containsEntry("target", "real.test");
    }

    @Test
    void failureDocumentsSayWhatHappened() {
        Map<String, Object> doc = DnsCommand.document(
                new DnsResult.Timeout("good.test", RecordType.MX, "127.0.0.1:9", Duration.ofSeconds(2)), "127.0.0.1:9", 2001);
        assertThat(doc).containsEntry("outcome", "timeout")
                .containsEntry("detail", "timeout after 2s waiting for 127.0.0.1:9 (good.test/MX)")
                .containsEntry("records", List.of());
        assertThat(DnsCommand.document(new DnsResult.NxDomain("x.test", RecordType.A, List.of(), Optional.empty()),
                "s", 1)).containsEntry("outcome", "nxdomain");
    }

    @Test
    void typedFieldsPerRecordType() {
        assertThat(DnsCommand.record(new DnsRecord.Mx("good.test", 300, 10, "mx.good.test")))
                .containsEntry("preference", 10).containsEntry("exchange", "mx.good.test");
        assertThat(DnsCommand.record(new DnsRecord.Tlsa("_25._tcp.mx.test", 300, 3, 1, 1, "abcd")))
                .containsEntry("usage", 3).containsEntry("selector", 1).containsEntry("matchingType", 1)
                .containsEntry("data", "abcd");
        assertThat(DnsCommand.record(new DnsRecord.Soa("t", 300, "ns.t", "h.t", 7, 1, 2, 3, 60)))
                .containsEntry("serial", 7L).containsEntry("minimum", 60L).containsEntry("mname", "ns.t");
    }
}
