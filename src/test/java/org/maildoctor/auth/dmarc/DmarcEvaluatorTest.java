package org.maildoctor.auth.dmarc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.maildoctor.dns.DnsResult;
import org.maildoctor.dns.RecordType;

/** Alignment and disposition as a pure function: table-driven, no DNS. */
class DmarcEvaluatorTest {

    /** Organizational domains for the table: every name under example.com belongs to example.com. */
    private static final OrganizationalDomains ORGS = d -> new OrganizationalDomain.Determined(
            d.endsWith("example.com") ? "example.com" : d.endsWith("example.net") ? "example.net" : d,
            OrganizationalDomain.Rule.FEWEST_LABELS);

    /** A discovery as DmarcDiscovery would make it: record at example.com, author domain {@code from}. */
    static PolicyDiscovery.Found found(String from, String recordText, DomainExistence existence) {
        DmarcRecord record = DmarcRecordParser.parse(recordText).effectiveRecord().orElseThrow();
        DmarcParseResult parse = DmarcRecordParser.parse(recordText);
        List<WalkStep> steps = from.equals("example.com")
                ? List.of(new WalkStep.RecordFound("example.com", record, parse))
                : List.of(new WalkStep.NoRecord(from, "nxdomain", DmarcRecordParser.parseTxtSet(List.of())),
                        new WalkStep.RecordFound("example.com", record, parse));
        TreeWalk walk = new TreeWalk(from, steps);
        boolean own = from.equals("example.com");
        Policy applicable = own ? record.policy() : existence == DomainExistence.DOES_NOT_EXIST
                ? record.effectiveNonExistentPolicy() : record.effectiveSubdomainPolicy();
        return new PolicyDiscovery.Found(from, "example.com", own ? PolicySource.AUTHOR_DOMAIN
                : PolicySource.ORGANIZATIONAL_DOMAIN, record, parse, walk, existence, applicable);
    }

    static Stream<Arguments> table() {
        String relaxed = "v=DMARC1; p=reject";
        String strict = "v=DMARC1; p=reject; adkim=s; aspf=s";
        AuthenticatedIdentifier spfFail = AuthenticatedIdentifier.spf("bounce.other.org", AuthResult.FAIL);
        return Stream.of(
                // from, record, spf, dkim, existence, result, disposition
                Arguments.of("example.com", relaxed, AuthenticatedIdentifier.spf("example.com", AuthResult.PASS),
                        List.of(), DomainExistence.EXISTS, DmarcResult.PASS, Disposition.NONE),
                Arguments.of("example.com", relaxed, AuthenticatedIdentifier.spf("bounce.example.com", AuthResult.PASS),
                        List.of(), DomainExistence.EXISTS, DmarcResult.PASS, Disposition.NONE),
                Arguments.of("example.com", strict, AuthenticatedIdentifier.spf("bounce.example.com", AuthResult.PASS),
                        List.of(), DomainExistence.EXISTS, DmarcResult.FAIL, Disposition.REJECT),
                Arguments.of("example.com", strict, spfFail,
                        List.of(AuthenticatedIdentifier.dkim("example.com", AuthResult.PASS)),
                        DomainExistence.EXISTS, DmarcResult.PASS, Disposition.NONE),
                Arguments.of("example.com", relaxed, AuthenticatedIdentifier.spf("example.net", AuthResult.PASS),
                        List.of(AuthenticatedIdentifier.dkim("example.net", AuthResult.PASS)),
                        DomainExistence.EXISTS, DmarcResult.FAIL, Disposition.REJECT),
                Arguments.of("example.com", relaxed, spfFail,
                        List.of(AuthenticatedIdentifier.dkim("mail.example.com", AuthResult.FAIL)),
                        DomainExistence.EXISTS, DmarcResult.FAIL, Disposition.REJECT),
                // subdomain From, relaxed: a DKIM signature of the parent aligns
                Arguments.of("news.example.com", "v=DMARC1; p=reject; sp=quarantine", spfFail,
                        List.of(AuthenticatedIdentifier.dkim("example.com", AuthResult.PASS)),
                        DomainExistence.EXISTS, DmarcResult.PASS, Disposition.NONE),
                // subdomain From failing: sp applies
                Arguments.of("news.example.com", "v=DMARC1; p=reject; sp=quarantine", spfFail, List.of(),
                        DomainExistence.EXISTS, DmarcResult.FAIL, Disposition.QUARANTINE),
                // non-existent subdomain: np applies
                Arguments.of("ghost.example.com", "v=DMARC1; p=none; sp=none; np=reject", spfFail, List.of(),
                        DomainExistence.DOES_NOT_EXIST, DmarcResult.FAIL, Disposition.REJECT),
                // np absent: sp then p
                Arguments.of("ghost.example.com", "v=DMARC1; p=reject; sp=quarantine", spfFail, List.of(),
                        DomainExistence.DOES_NOT_EXIST, DmarcResult.FAIL, Disposition.QUARANTINE),
                // t=y lowers reject to quarantine, quarantine to none
                Arguments.of("example.com", "v=DMARC1; p=reject; t=y", spfFail, List.of(),
                        DomainExistence.EXISTS, DmarcResult.FAIL, Disposition.QUARANTINE),
                Arguments.of("example.com", "v=DMARC1; p=quarantine; t=y", spfFail, List.of(),
                        DomainExistence.EXISTS, DmarcResult.FAIL, Disposition.NONE),
                // an SPF temperror is not a fail
                Arguments.of("example.com", relaxed, AuthenticatedIdentifier.spf("example.com", AuthResult.TEMPERROR),
                        List.of(), DomainExistence.EXISTS, DmarcResult.TEMPERROR, Disposition.NONE),
                // case and trailing dot do not matter
                Arguments.of("example.com", strict, AuthenticatedIdentifier.spf("EXAMPLE.com.", AuthResult.PASS),
                        List.of(), DomainExistence.EXISTS, DmarcResult.PASS, Disposition.NONE));
    }

    @ParameterizedTest(name = "[{index}] From {0}, {1}, {2} {3} -> {5}/{6}")
    @MethodSource("table")
    void alignmentAndDisposition(String from, String record, AuthenticatedIdentifier spf,
                                 List<AuthenticatedIdentifier> dkim, DomainExistence existence,
                                 DmarcResult result, Disposition disposition) {
        MessageAuthentication message = MessageAuthentication.of(from, spf,
                dkim.toArray(AuthenticatedIdentifier[]::new));
        DmarcEvaluation e = DmarcEvaluator.evaluate(found(from, record, existence), message, ORGS);
        assertThat(e.result()).as(e.explanation()).isEqualTo(result);
        assertThat(e.disposition()).isEqualTo(disposition);
        assertThat(e.alignments()).hasSize(1 + dkim.size()).allSatisfy(a -> assertThat(a.explanation()).isNotBlank());
    }

    @Test
    void alignmentVerdictsExplainThemselves() {
        MessageAuthentication m = MessageAuthentication.of("example.com",
                AuthenticatedIdentifier.spf("bounce.example.com", AuthResult.PASS),
                AuthenticatedIdentifier.dkim("example.net", AuthResult.PASS),
                AuthenticatedIdentifier.dkim("example.com", AuthResult.FAIL));
        DmarcEvaluation e = DmarcEvaluator.evaluate(found("example.com", "v=DMARC1; p=reject", DomainExistence.EXISTS),
                m, ORGS);
        assertThat(e.alignments()).extracting(AlignmentCheck::verdict).containsExactly(AlignmentVerdict.ALIGNED,
                AlignmentVerdict.NOT_ALIGNED, AlignmentVerdict.NOT_AUTHENTICATED);
        assertThat(e.alignments().getFirst().explanation()).contains("same organizational domain example.com");
        assertThat(e.explanation()).startsWith("DMARC pass: spf (bounce.example.com)");
    }

    @Test
    void pctIsNotedForRfc7489ReceiversButDoesNotChangeTheVerdict() {
        MessageAuthentication m = MessageAuthentication.of("example.com",
                AuthenticatedIdentifier.spf("other.org", AuthResult.PASS));
        DmarcEvaluation e = DmarcEvaluator.evaluate(found("example.com", "v=DMARC1; p=reject; pct=20",
                DomainExistence.EXISTS), m, ORGS);
        assertThat(e.disposition()).isEqualTo(Disposition.REJECT);
        assertThat(e.notes()).singleElement().asString().contains("pct=20", "RFC 7489");
    }

    @Test
    void anUnfinishedTreeWalkForRelaxedAlignmentIsTempErrorNotFail() {
        OrganizationalDomains broken = d -> new OrganizationalDomain.Indeterminate(d,
                OrganizationalDomain.Rule.START_DOMAIN, List.of(new DnsResult.Timeout("_dmarc." + d, RecordType.TXT,
                        "fake", Duration.ofSeconds(2))));
        MessageAuthentication m = MessageAuthentication.of("example.com",
                AuthenticatedIdentifier.spf("bounce.example.com", AuthResult.PASS));
        DmarcEvaluation e = DmarcEvaluator.evaluate(found("example.com", "v=DMARC1; p=reject",
                DomainExistence.EXISTS), m, broken);
        assertThat(e.result()).isEqualTo(DmarcResult.TEMPERROR);
        assertThat(e.disposition()).isEqualTo(Disposition.NONE);
    }

    @Test
    void discoveryOutcomesWithoutAPolicy() {
        MessageAuthentication m = MessageAuthentication.of("example.com",
                AuthenticatedIdentifier.spf("example.com", AuthResult.FAIL));
        TreeWalk walk = new TreeWalk("example.com", List.of());
        DnsResult timeout = new DnsResult.Timeout("_dmarc.example.com", RecordType.TXT, "fake", Duration.ofSeconds(2));
        Map<PolicyDiscovery, DmarcResult> expected = Map.of(
                new PolicyDiscovery.TempError("example.com", walk, timeout), DmarcResult.TEMPERROR,
                new PolicyDiscovery.NoPolicy("example.com", walk, DmarcRecordParser.parseTxtSet(List.of())),
                DmarcResult.NONE,
                new PolicyDiscovery.Unusable("example.com", walk, DmarcRecordParser.parse("v=DMARC1; p=x")),
                DmarcResult.PERMERROR);
        expected.forEach((discovery, result) -> {
            DmarcEvaluation e = DmarcEvaluator.evaluate(discovery, m, ORGS);
            assertThat(e.result()).isEqualTo(result);
            assertThat(e.disposition()).isEqualTo(Disposition.NONE);
            assertThat(e.requestedPolicy()).isEqualTo(Optional.empty());
        });
    }

    @Test
    void aDiscoveryForAnotherDomainIsACallerError() {
        MessageAuthentication m = MessageAuthentication.of("example.org",
                AuthenticatedIdentifier.spf("example.org", AuthResult.PASS));
        assertThatThrownBy(() -> DmarcEvaluator.evaluate(found("example.com", "v=DMARC1; p=reject",
                DomainExistence.EXISTS), m, ORGS)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFailUnderAnInheritedPolicyFromAnUnfinishedWalkIsTempError() {
        DmarcRecord record = DmarcRecordParser.parse("v=DMARC1; p=reject; aspf=s; adkim=s").effectiveRecord()
                .orElseThrow();
        DnsResult timeout = new DnsResult.Timeout("_dmarc.com", RecordType.TXT, "fake", Duration.ofSeconds(2));
        TreeWalk walk = new TreeWalk("news.example.com", List.of(
                new WalkStep.NoRecord("news.example.com", "nxdomain", DmarcRecordParser.parseTxtSet(List.of())),
                new WalkStep.RecordFound("example.com", record, DmarcRecordParser.parse(record.text())),
                new WalkStep.Failed("com", timeout)));
        PolicyDiscovery.Found f = new PolicyDiscovery.Found("news.example.com", "example.com",
                PolicySource.ORGANIZATIONAL_DOMAIN, record, DmarcRecordParser.parse(record.text()), walk,
                DomainExistence.EXISTS, Policy.REJECT);
        DmarcEvaluation e = DmarcEvaluator.evaluate(f, MessageAuthentication.of("news.example.com",
                AuthenticatedIdentifier.spf("other.org", AuthResult.PASS)), ORGS);
        assertThat(e.result()).isEqualTo(DmarcResult.TEMPERROR);
        assertThat(e.disposition()).isEqualTo(Disposition.NONE);
        assertThat(e.notes()).anyMatch(n -> n.contains("tree walk failed") || n.contains("lookups of the DNS tree walk"));
        // the Author Domain's own record is certain even if a parent lookup failed: strict mismatch is a fail
        TreeWalk own = new TreeWalk("example.com", List.of(
                new WalkStep.RecordFound("example.com", record, DmarcRecordParser.parse(record.text())),
                new WalkStep.Failed("com", timeout)));
        PolicyDiscovery.Found mine = new PolicyDiscovery.Found("example.com", "example.com",
                PolicySource.AUTHOR_DOMAIN, record, DmarcRecordParser.parse(record.text()), own,
                DomainExistence.EXISTS, Policy.REJECT);
        assertThat(DmarcEvaluator.evaluate(mine, MessageAuthentication.of("example.com",
                AuthenticatedIdentifier.spf("other.org", AuthResult.PASS)), ORGS).result()).isEqualTo(DmarcResult.FAIL);
    }
}
