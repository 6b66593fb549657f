package org.maildoctor.auth.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.maildoctor.dns.FakeZone;
import org.maildoctor.dns.RecordType;

/** RFC 9989 §4.10 tree walks and §4.10.1 policy discovery against a declarative fake zone. */
class DmarcDiscoveryTest {

    private static PolicyDiscovery discover(FakeZone zone, String domain) {
        return new DmarcDiscovery(zone).discoverPolicy(domain).join();
    }

    @Test
    void ownRecordAppliesPAndTheWalkGoesOnForTheOrganizationalDomain() {
        FakeZone zone = FakeZone.builder().txt("_dmarc.example.com", "v=DMARC1; p=reject; sp=none").build();
        PolicyDiscovery.Found found = (PolicyDiscovery.Found) discover(zone, "Example.COM.");
        assertThat(found.policyDomain()).isEqualTo("example.com");
        assertThat(found.source()).isEqualTo(PolicySource.AUTHOR_DOMAIN);
        assertThat(found.applicablePolicy()).isEqualTo(Policy.REJECT);
        assertThat(found.walk().organizationalDomain())
                .isEqualTo(new OrganizationalDomain.Determined("example.com", OrganizationalDomain.Rule.FEWEST_LABELS));
        assertThat(zone.queries()).extracting(Object::toString)
                .containsExactly("_dmarc.example.com/TXT", "_dmarc.com/TXT");
    }

    @Test
    void existingSubdomainInheritsSpFromTheOrganizationalDomain() {
        FakeZone zone = FakeZone.builder()
                .txt("_dmarc.example.com", "v=DMARC1; p=reject; sp=quarantine")
                .a("mx.example.com", "192.0.2.1").build();
        PolicyDiscovery.Found found = (PolicyDiscovery.Found) discover(zone, "mx.example.com");
        assertThat(found.policyDomain()).isEqualTo("example.com");
        assertThat(found.source()).isEqualTo(PolicySource.ORGANIZATIONAL_DOMAIN);
        assertThat(found.authorExistence()).isEqualTo(DomainExistence.EXISTS);
        assertThat(found.applicablePolicy()).isEqualTo(Policy.QUARANTINE);
        assertThat(zone.queries()).extracting(Object::toString).containsExactly(
                "_dmarc.mx.example.com/TXT", "_dmarc.example.com/TXT", "_dmarc.com/TXT", "mx.example.com/A");
    }

    @Test
    void nonExistentSubdomainGetsNp() {
        FakeZone zone = FakeZone.builder()
                .txt("_dmarc.example.com", "v=DMARC1; p=quarantine; sp=none; np=reject").build();
        PolicyDiscovery.Found found = (PolicyDiscovery.Found) discover(zone, "nosuch.example.com");
        assertThat(found.authorExistence()).isEqualTo(DomainExistence.DOES_NOT_EXIST);
        assertThat(found.applicablePolicy()).isEqualTo(Policy.REJECT);
    }

    @Test
    void longNamesAreShortenedSoTheWalkTakesAtMostEightQueries() {
        FakeZone zone = FakeZone.builder().build();
        TreeWalk walk = new DmarcDiscovery(zone).treeWalk("a.b.c.d.e.f.g.h.i.j.mail.example.com").join();
        assertThat(walk.steps()).hasSize(TreeWalk.MAX_QUERIES);
        // RFC 9989 §4.10's own example
        assertThat(zone.queries()).extracting(FakeZone.Query::name).containsExactly(
                "_dmarc.a.b.c.d.e.f.g.h.i.j.mail.example.com", "_dmarc.g.h.i.j.mail.example.com",
                "_dmarc.h.i.j.mail.example.com", "_dmarc.i.j.mail.example.com", "_dmarc.j.mail.example.com",
                "_dmarc.mail.example.com", "_dmarc.example.com", "_dmarc.com");
        assertThat(TreeWalk.names("a.b.c.d.e.f.g.example")).hasSize(8);
        assertThat(TreeWalk.names("com")).containsExactly("com");
    }

    @Test
    void noRecordAnywhereIsNoPolicyAndTheDomainIsItsOwnOrganizationalDomain() {
        FakeZone zone = FakeZone.builder().a("example.com", "192.0.2.1").build();
        PolicyDiscovery d = discover(zone, "example.com");
        assertThat(d).isInstanceOf(PolicyDiscovery.NoPolicy.class);
        assertThat(d.walk().organizationalDomain()).isEqualTo(
                new OrganizationalDomain.Determined("example.com", OrganizationalDomain.Rule.START_DOMAIN));
    }

    /** RFC 9989 Appendix B.4.3: a PSD record with psd=y. */
    @Test
    void publicSuffixDomainRecordSetsTheOrganizationalDomainOneLabelBelow() {
        FakeZone zone = FakeZone.builder()
                .txt("_dmarc.bank.example", "v=DMARC1; p=reject; psd=y")
                .txt("_dmarc.giant.bank.example", "v=DMARC1; p=quarantine").build();
        DmarcDiscovery discovery = new DmarcDiscovery(zone);
        assertThat(discovery.organizationalDomain("giant.bank.example").join().domain()).isEqualTo("giant.bank.example");
        assertThat(discovery.organizationalDomain("mail.giant.bank.example").join())
                .isEqualTo(new OrganizationalDomain.Determined("giant.bank.example",
                        OrganizationalDomain.Rule.BELOW_PUBLIC_SUFFIX));
        zone.clearQueries();
        assertThat(discovery.organizationalDomain("mail.mega.bank.example").join().domain())
                .isEqualTo("mega.bank.example");
        // the walk stops at psd=y: _dmarc.example is never asked
        assertThat(zone.queries()).extracting(FakeZone.Query::name).containsExactly(
                "_dmarc.mail.mega.bank.example", "_dmarc.mega.bank.example", "_dmarc.bank.example");
        // mega.bank.example has no record of its own: the PSD's policy applies, as a subdomain policy
        PolicyDiscovery.Found psd = (PolicyDiscovery.Found) discover(zone, "mega.bank.example");
        assertThat(psd.source()).isEqualTo(PolicySource.PUBLIC_SUFFIX_DOMAIN);
        assertThat(psd.policyDomain()).isEqualTo("bank.example");
    }

    @Test
    void psdNoStopsTheWalkAndMakesAnOrganizationalDomain() {
        FakeZone zone = FakeZone.builder()
                .txt("_dmarc.dept.example.com", "v=DMARC1; p=none; psd=n")
                .txt("_dmarc.example.com", "v=DMARC1; p=reject").build();
        OrganizationalDomain org = new DmarcDiscovery(zone).organizationalDomain("a.dept.example.com").join();
        assertThat(org).isEqualTo(new OrganizationalDomain.Determined("dept.example.com",
                OrganizationalDomain.Rule.PSD_NO));
        assertThat(zone.queryCount("_dmarc.example.com", RecordType.TXT)).isZero();
    }

    @Test
    void theHighestRecordIsTheOrganizationalDomain() {
        // RFC 9989 Appendix B.4.1: records at signing.example.com and example.com -> example.com
        FakeZone zone = FakeZone.builder()
                .txt("_dmarc.signing.example.com", "v=DMARC1; p=none")
                .txt("_dmarc.example.com", "v=DMARC1; p=reject").build();
        assertThat(new DmarcDiscovery(zone).organizationalDomain("signing.example.com").join().domain())
                .isEqualTo("example.com");
    }

    @Test
    void aTimeoutAtTheAuthorDomainIsTempErrorNeverNoRecord() {
        FakeZone zone = FakeZone.builder().timeout("_dmarc.example.com", RecordType.TXT).build();
        assertThat(discover(zone, "example.com")).isInstanceOf(PolicyDiscovery.TempError.class);
    }

    @Test
    void aFailureAboveTheOnlyRecordsLeavesAProvisionalAnswer() {
        FakeZone zone = FakeZone.builder()
                .txt("_dmarc.example.com", "v=DMARC1; p=reject")
                .a("www.example.com", "192.0.2.1")
                .refused("_dmarc.com").build();
        PolicyDiscovery.Found found = (PolicyDiscovery.Found) discover(zone, "www.example.com");
        assertThat(found.policyDomain()).isEqualTo("example.com");
        assertThat(found.completeness()).isEqualTo(PolicyDiscovery.WalkCompleteness.INCOMPLETE);
        assertThat(found.walk().organizationalDomain()).isInstanceOf(OrganizationalDomain.Indeterminate.class)
                .extracting(OrganizationalDomain::domain).isEqualTo("example.com");
    }

    @Test
    void aFailureWithNothingFoundIsTempError() {
        FakeZone zone = FakeZone.builder().servfail("_dmarc.example.com").build();
        assertThat(discover(zone, "www.example.com")).isInstanceOf(PolicyDiscovery.TempError.class);
    }

    @Test
    void severalRecordsAreDiscardedAndTheWalkGoesOn() {
        FakeZone zone = FakeZone.builder()
                .txt("_dmarc.www.example.com", "v=DMARC1; p=none")
                .txt("_dmarc.www.example.com", "v=DMARC1; p=reject")
                .txt("_dmarc.example.com", "v=DMARC1; p=quarantine")
                .a("www.example.com", "192.0.2.1").build();
        PolicyDiscovery.Found found = (PolicyDiscovery.Found) discover(zone, "www.example.com");
        assertThat(found.policyDomain()).isEqualTo("example.com");
        assertThat(((WalkStep.NoRecord) found.walk().steps().getFirst()).parse().findings())
                .extracting(DmarcFinding::id).contains(FindingId.MULTIPLE_RECORDS);
    }

    @Test
    void aBrokenOwnRecordMeansNoDmarcProcessing() {
        FakeZone zone = FakeZone.builder().txt("_dmarc.example.com", "v=DMARC1; p=bogus").build();
        assertThat(discover(zone, "example.com")).isInstanceOf(PolicyDiscovery.Unusable.class);
        // with a valid rua the receiver acts as p=none instead (RFC 9989 §4.10.1)
        FakeZone withRua = FakeZone.builder()
                .txt("_dmarc.example.com", "v=DMARC1; p=bogus; rua=mailto:d@example.com").build();
        assertThat(((PolicyDiscovery.Found) discover(withRua, "example.com")).applicablePolicy())
                .isEqualTo(Policy.NONE);
    }

    @Test
    void splitTxtStringsAreJoinedBeforeParsing() {
        FakeZone zone = FakeZone.builder().txt("_dmarc.example.com", "v=DMARC1; p=re", "ject").build();
        assertThat(((PolicyDiscovery.Found) discover(zone, "example.com")).applicablePolicy())
                .isEqualTo(Policy.REJECT);
    }

    @Test
    void aServerThatTimesOutEndsTheWalkInsteadOfWaitingEightTimes() {
        FakeZone zone = FakeZone.builder().timeout("_dmarc.a.b.example.com").timeout("_dmarc.b.example.com").build();
        TreeWalk walk = new DmarcDiscovery(zone).treeWalk("a.b.example.com").join();
        assertThat(walk.steps()).hasSize(1);
        assertThat(walk.organizationalDomain()).isInstanceOf(OrganizationalDomain.Indeterminate.class);
    }
}
