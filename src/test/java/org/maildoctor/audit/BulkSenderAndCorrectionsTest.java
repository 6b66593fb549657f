package org.maildoctor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.maildoctor.auth.dmarc.DmarcParseResult;
import org.maildoctor.auth.dmarc.DmarcRecord;
import org.maildoctor.auth.dmarc.DmarcRecordParser;
import org.maildoctor.auth.dmarc.Policy;
import org.maildoctor.auth.spf.SpfLinter;
import org.maildoctor.dns.FakeZone;

/** The bulk-sender checklist of `domain audit` and the corrected SPF/DMARC records it proposes. */
class BulkSenderAndCorrectionsTest {

    private static AuditReport audit(FakeZone zone, AuditRequest request) {
        return Audits.standard(zone, AddressPolicy.PUBLIC_ONLY).audit(request).join();
    }

    private static Map<String, CheckStatus> bulk(AuditReport r) {
        return r.section(BulkSenderSection.NAME).stream().collect(Collectors.toMap(AuditCheck::id, AuditCheck::status));
    }

    private static RecordToPublish published(AuditReport r, String section) {
        return r.publish().stream().filter(p -> p.section().equals(section)).findFirst().orElseThrow();
    }

    @Test
    void aCompliantDomainPassesWhatDnsCanShowAndLeavesTheRestUnknown() throws Exception {
        FakeZone zone = FakeZone.builder().mx("example.org", 10, "mx.example.org").a("mx.example.org", "8.8.8.8")
                .txt("example.org", "v=spf1 mx -all")
                .txt("_dmarc.example.org", "v=DMARC1; p=none; rua=mailto:d@example.org").nxdomain("_dmarc.org")
                .txt("brisbane._domainkey.example.org", "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=")
                .ptr(InetAddress.getByName("8.8.8.8"), "mx.example.org").build();
        AuditReport r = audit(zone, AuditRequest.parse("example.org", List.of("8.8.8.8"), List.of("brisbane")));
        assertThat(bulk(r)).containsEntry("bulk.spf", CheckStatus.PASS).containsEntry("bulk.dkim", CheckStatus.PASS)
                .containsEntry("bulk.dmarc", CheckStatus.PASS) // p=none is enough for the bulk rules
                .containsEntry("bulk.rdns", CheckStatus.PASS).containsEntry("bulk.alignment", CheckStatus.UNKNOWN)
                .containsEntry("bulk.tls", CheckStatus.UNKNOWN).containsEntry("bulk.unsubscribe", CheckStatus.UNKNOWN)
                .containsEntry("bulk.complaints", CheckStatus.UNKNOWN);
        assertThat(r.section(BulkSenderSection.NAME)).filteredOn(c -> c.id().equals("bulk.unsubscribe")).singleElement()
                .satisfies(c -> assertThat(c.explanation()).contains("unknown: checked per message by `analyze`"));
        assertThat(r.section(BulkSenderSection.NAME)).filteredOn(c -> c.id().equals("bulk.dkim")).singleElement()
                .satisfies(c -> assertThat(c.explanation()).contains("Gmail", "Yahoo", "Microsoft"));
        // the checklist is not graded: the only graded problem is dmarc.policy (p=none, warn)
        assertThat(r.graded(BulkSenderSection.NAME)).isFalse();
        assertThat(r.worst()).isEqualTo(CheckStatus.WARN);
        assertThat(r.grade().unknowns()).isZero();
        // p=none: the next rollout step is proposed, reports kept
        RecordToPublish dmarc = published(r, "DMARC");
        assertThat(dmarc.name()).isEqualTo("_dmarc.example.org");
        DmarcRecord next = ((DmarcParseResult.Valid) DmarcRecordParser.parse(dmarc.value())).record();
        assertThat(next.policy()).isEqualTo(Policy.QUARANTINE);
        assertThat(next.aggregateReports()).singleElement().satisfies(u -> assertThat(u.uri()).isEqualTo("mailto:d@example.org"));
        assertThat(r.publish()).noneMatch(p -> p.section().equals("SPF"));
    }

    @Test
    void aDomainWithoutRecordsFailsTheBulkRulesAndGetsRecordsToPublish() {
        FakeZone zone = FakeZone.builder().mx("bare.example", 10, "mx.bare.example").a("mx.bare.example", "8.8.8.8")
                .nxdomain("_dmarc.bare.example").build();
        AuditReport r = audit(zone, AuditRequest.parse("bare.example", List.of("8.8.4.4"), List.of()));
        assertThat(bulk(r)).containsEntry("bulk.spf", CheckStatus.FAIL).containsEntry("bulk.dmarc", CheckStatus.FAIL)
                .containsEntry("bulk.dkim", CheckStatus.WARN).containsEntry("bulk.alignment", CheckStatus.WARN)
                .containsEntry("bulk.rdns", CheckStatus.FAIL);
        RecordToPublish spf = published(r, "SPF");
        assertThat(spf.value()).isEqualTo("v=spf1 mx ip4:8.8.4.4 -all");
        RecordToPublish dmarc = published(r, "DMARC");
        assertThat(dmarc.value()).isEqualTo("v=DMARC1; p=none; rua=mailto:dmarc-reports@bare.example");
        assertThat(dmarc.notes()).anyMatch(n -> n.contains("p=reject"));
    }

    @Test
    void twoSpfRecordsAreMergedAndPlusAllReplaced() {
        FakeZone zone = FakeZone.builder().mx("two.example", 10, "mx.two.example").a("mx.two.example", "8.8.8.8")
                .txt("two.example", "v=spf1 ip4:9.9.9.9 ptr +all").txt("two.example", "v=spf1 mx ip4:9.9.9.9 ~all")
                .txt("_dmarc.two.example", "v=DMARC1; p=reject").build();
        AuditReport r = audit(zone, AuditRequest.of("two.example"));
        RecordToPublish spf = published(r, "SPF");
        assertThat(spf.value()).isEqualTo("v=spf1 ip4:9.9.9.9 mx -all");
        assertThat(spf.why()).contains("merged the 2 SPF records", "removed ptr", "replaced +all");
        FakeZone fixed = FakeZone.builder().mx("two.example", 10, "mx.two.example").a("mx.two.example", "8.8.8.8")
                .txt("two.example", spf.strings().toArray(String[]::new)).build();
        assertThat(SpfLinter.using(fixed).inspect("two.example").findings()).isEmpty();
        assertThat(r.publish()).noneMatch(p -> p.section().equals("DMARC")); // p=reject, nothing to correct
    }

    @Test
    void overTenLookupsGetsAFlattenedRecordWithTheCaveat() {
        FakeZone.Builder b = FakeZone.builder().mx("many.example", 10, "mx.many.example").a("mx.many.example", "8.8.8.8");
        StringBuilder rec = new StringBuilder("v=spf1");
        b.txt("big.example.net", "v=spf1 include:b1.example.net include:b2.example.net include:b3.example.net -all");
        for (int i = 1; i <= 3; i++) {
            b.txt("b" + i + ".example.net", "v=spf1 ip4:198.51.100." + i + " -all");
        }
        rec.append(" include:big.example.net");
        for (int i = 0; i < 8; i++) {
            b.txt("s" + i + ".example.net", "v=spf1 ip4:203.0.113." + i + " -all");
            rec.append(" include:s").append(i).append(".example.net");
        }
        b.txt("many.example", rec.append(" -all").toString()).txt("_dmarc.many.example", "v=DMARC1; p=reject");
        AuditReport r = audit(b.build(), AuditRequest.of("many.example"));
        assertThat(bulk(r)).containsEntry("bulk.spf", CheckStatus.FAIL);
        RecordToPublish spf = published(r, "SPF");
        assertThat(spf.value()).doesNotContain("include:big.example.net")
                .contains("ip4:198.51.100.1 ip4:198.51.100.2 ip4:198.51.100.3");
        assertThat(spf.why()).contains("flattened big.example.net", "8 DNS lookups instead of 12");
        assertThat(spf.notes()).anyMatch(n -> n.contains("stale"));
    }
}
