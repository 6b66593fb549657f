package org.maildoctor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.maildoctor.dns.FakeZone;

class DmarcSectionTest {

    private static Map<String, AuditCheck> run(FakeZone zone, String domain) {
        return new DmarcSection(zone).run(AuditRequest.of(domain)).join().stream()
                .collect(Collectors.toMap(AuditCheck::id, Function.identity()));
    }

    @Test
    void enforcingPolicyPasses() {
        FakeZone zone = FakeZone.builder().txt("_dmarc.example.org", "v=DMARC1; p=reject; rua=mailto:d@example.org")
                .nxdomain("_dmarc.org").build();
        Map<String, AuditCheck> c = run(zone, "example.org");
        assertThat(c.get("dmarc.record").status()).isEqualTo(CheckStatus.PASS);
        assertThat(c.get("dmarc.policy").status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void monitoringOnlyWarns() {
        FakeZone zone = FakeZone.builder().txt("_dmarc.example.org", "v=DMARC1; p=none; rua=mailto:d@example.org")
                .nxdomain("_dmarc.org").build();
        assertThat(run(zone, "example.org").get("dmarc.policy").status()).isEqualTo(CheckStatus.WARN);
    }

    @Test
    void missingRecordFailsWithARecordToPublish() {
        FakeZone zone = FakeZone.builder().nxdomain("_dmarc.example.org").nxdomain("_dmarc.org").build();
        AuditCheck record = run(zone, "example.org").get("dmarc.record");
        assertThat(record.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(record.fix().orElseThrow()).contains("_dmarc.example.org", "v=DMARC1; p=");
    }

    @Test
    void dnsFailureIsUnknownNotFail() {
        FakeZone zone = FakeZone.builder().timeout("_dmarc.example.org").build();
        assertThat(run(zone, "example.org").get("dmarc.record").status()).isEqualTo(CheckStatus.UNKNOWN);
    }

    @Test
    void recordErrorsBecomeFailures() {
        FakeZone zone = FakeZone.builder().txt("_dmarc.example.org", "v=DMARC1; p=reject; rua=notauri")
                .nxdomain("_dmarc.org").build();
        assertThat(run(zone, "example.org").values()).anySatisfy(c -> {
            assertThat(c.id()).startsWith("dmarc.");
            assertThat(c.status()).isIn(CheckStatus.FAIL, CheckStatus.WARN);
            assertThat(c.id()).isNotIn("dmarc.record", "dmarc.policy");
        });
    }
}
