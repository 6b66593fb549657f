package org.maildoctor.auth.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.maildoctor.dns.FakeZone;
import org.maildoctor.dns.RecordType;

/** The domain check end to end over a fake zone: findings, both organizational domains, report destinations. */
class DmarcCheckerTest {

    private static DmarcCheckReport check(FakeZone zone, String domain) {
        return new DmarcChecker(zone).check(domain).join();
    }

    @Test
    void enforcingRecordWithOwnReportAddressPasses() {
        FakeZone zone = FakeZone.builder()
                .txt("_dmarc.example.com", "v=DMARC1; p=reject; rua=mailto:dmarc@example.com").build();
        DmarcCheckReport r = check(zone, "example.com");
        assertThat(r.outcome()).isEqualTo(CheckOutcome.PASS);
        assertThat(r.findings()).isEmpty();
        assertThat(r.organizationalDomain().domain()).isEqualTo("example.com");
        assertThat(r.pslOrganizationalDomain()).contains("example.com");
        assertThat(r.reportDestinations()).singleElement().extracting(ReportDestination::status)
                .isEqualTo(DestinationStatus.SAME_ORGANIZATION);
    }

    @Test
    void externalDestinationsAreVerifiedAtReportDmarc() {
        FakeZone zone = FakeZone.builder()
                .txt("_dmarc.example.com", "v=DMARC1; p=reject; rua=mailto:a@reports.example.net,"
                        + "mailto:b@nobody.example.org; ruf=mailto:c@broken.example")
                .txt("example.com._report._dmarc.reports.example.net", "v=DMARC1")
                .timeout("example.com._report._dmarc.broken.example", RecordType.TXT).build();
        DmarcCheckReport r = check(zone, "example.com");
        assertThat(r.reportDestinations()).extracting(ReportDestination::status).containsExactly(
                DestinationStatus.AUTHORIZED, DestinationStatus.NOT_AUTHORIZED, DestinationStatus.UNKNOWN);
        assertThat(r.reportDestinations().get(1).queryName())
                .contains("example.com._report._dmarc.nobody.example.org");
        assertThat(r.findings()).extracting(DmarcFinding::id).containsExactly(
                FindingId.REPORT_DESTINATION_UNAUTHORIZED, FindingId.REPORT_DESTINATION_UNKNOWN);
        assertThat(r.outcome()).isEqualTo(CheckOutcome.WARN);
    }

    @Test
    void monitoringOnlyWarns() {
        FakeZone zone = FakeZone.builder().txt("_dmarc.example.com", "v=DMARC1; p=none").build();
        DmarcCheckReport r = check(zone, "example.com");
        assertThat(r.outcome()).isEqualTo(CheckOutcome.WARN);
        assertThat(r.findings()).extracting(DmarcFinding::id).contains(FindingId.POLICY_NONE, FindingId.NO_RUA);
        assertThat(r.findings()).allSatisfy(f -> assertThat(f.fix()).isPresent());
    }

    @Test
    void subdomainInheritsAndSaysSo() {
        FakeZone zone = FakeZone.builder()
                .txt("_dmarc.example.com", "v=DMARC1; p=quarantine; rua=mailto:d@example.com")
                .a("mx.example.com", "192.0.2.1").build();
        DmarcCheckReport r = check(zone, "mx.example.com");
        PolicyDiscovery.Found f = (PolicyDiscovery.Found) r.discovery();
        assertThat(f.applicablePolicy()).isEqualTo(Policy.QUARANTINE);
        assertThat(r.findings()).extracting(DmarcFinding::id).containsExactly(FindingId.POLICY_INHERITED);
        assertThat(r.outcome()).isEqualTo(CheckOutcome.PASS);
    }

    @Test
    void noRecordFails() {
        DmarcCheckReport r = check(FakeZone.builder().a("example.com", "192.0.2.1").build(), "example.com");
        assertThat(r.outcome()).isEqualTo(CheckOutcome.FAIL);
        assertThat(r.findings()).extracting(DmarcFinding::id).contains(FindingId.NO_RECORD);
    }

    @Test
    void dnsFailureIsTempErrorNotNoRecord() {
        DmarcCheckReport r = check(FakeZone.builder().timeout("_dmarc.example.com").build(), "example.com");
        assertThat(r.outcome()).isEqualTo(CheckOutcome.TEMPERROR);
        assertThat(r.findings()).extracting(DmarcFinding::id).containsExactly(FindingId.DNS_FAILURE);
    }

    @Test
    void methodsThatDisagreeAreReported() {
        // co.uk-style: the PSL says example.co.uk, but the tree walk finds the highest record at co.uk
        FakeZone zone = FakeZone.builder()
                .txt("_dmarc.example.co.uk", "v=DMARC1; p=reject; rua=mailto:d@example.co.uk")
                .txt("_dmarc.co.uk", "v=DMARC1; p=none").build();
        DmarcCheckReport r = check(zone, "example.co.uk");
        assertThat(r.organizationalDomain().domain()).isEqualTo("co.uk");
        assertThat(r.pslOrganizationalDomain()).contains("example.co.uk");
        assertThat(r.findings()).extracting(DmarcFinding::id).contains(FindingId.ORG_DOMAIN_METHODS_DIFFER);
        // with psd=y at co.uk (as RFC 9989 intends) both agree
        FakeZone psd = FakeZone.builder()
                .txt("_dmarc.example.co.uk", "v=DMARC1; p=reject; rua=mailto:d@example.co.uk")
                .txt("_dmarc.co.uk", "v=DMARC1; p=none; psd=y").build();
        assertThat(check(psd, "example.co.uk").findings()).isEmpty();
    }

    @Test
    void multipleRecordsAtTheDomainAreAnErrorEvenWhenAParentPolicyApplies() {
        FakeZone zone = FakeZone.builder()
                .txt("_dmarc.www.example.com", "v=DMARC1; p=none")
                .txt("_dmarc.www.example.com", "v=DMARC1; p=reject")
                .txt("_dmarc.example.com", "v=DMARC1; p=reject; rua=mailto:d@example.com")
                .a("www.example.com", "192.0.2.1").build();
        DmarcCheckReport r = check(zone, "www.example.com");
        assertThat(r.findings()).extracting(DmarcFinding::id).contains(FindingId.MULTIPLE_RECORDS);
        assertThat(r.outcome()).isEqualTo(CheckOutcome.FAIL);
    }

    @Test
    void messageVerificationWalksOnlyForRelaxedPassingIdentifiers() {
        FakeZone zone = FakeZone.builder()
                .txt("_dmarc.example.com", "v=DMARC1; p=reject")
                .txt("_dmarc.signing.example.com", "v=DMARC1; p=none").build();
        DmarcEvaluation e = new DmarcVerifier(zone).verify("example.com", List.of(
                AuthenticatedIdentifier.spf("other.example.net", AuthResult.PASS),
                AuthenticatedIdentifier.dkim("signing.example.com", AuthResult.PASS),
                AuthenticatedIdentifier.dkim("failed.example.com", AuthResult.FAIL))).join();
        assertThat(e.result()).isEqualTo(DmarcResult.PASS);
        assertThat(e.alignments()).extracting(AlignmentCheck::verdict).containsExactly(
                AlignmentVerdict.NOT_ALIGNED, AlignmentVerdict.ALIGNED, AlignmentVerdict.NOT_AUTHENTICATED);
        assertThat(zone.queryCount("_dmarc.failed.example.com", RecordType.TXT)).isZero();
    }
}
