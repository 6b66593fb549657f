package org.maildoctor.blocklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.maildoctor.dns.DnsResult;
import org.maildoctor.dns.FakeZone;
import org.maildoctor.dns.RecordType;

/** Return codes of the shipped catalogue, read as each list documents them (REFERENCE §6). */
class InterpretationTest {
    private static final Catalogue SHIPPED = Catalogue.shipped();
    private static final String Q = "99.2.0.192.zen.spamhaus.org";

    private static ListResult interpret(String listId, Target target, FakeZone zone, String query, ProbeStatus probe) {
        Blocklist list = SHIPPED.byId(listId).orElseThrow();
        return Interpretation.interpret(list, target, query, zone.lookupNow(query, RecordType.A),
                zone.lookupNow(query, RecordType.TXT), probe);
    }

    private static ListResult zen(FakeZone zone) {
        return interpret("spamhaus-zen", Target.parse("192.0.2.99"), zone, Q, ProbeStatus.HEALTHY);
    }

    @ParameterizedTest
    @CsvSource({
        "127.0.0.2, SBL", "127.0.0.3, CSS", "127.0.0.4, XBL", "127.0.0.9, DROP", "127.0.0.10, PBL", "127.0.0.11, PBL",
    })
    void zenCodesNameTheirSublist(String code, String sublist) {
        ListResult r = zen(FakeZone.builder().a(Q, code).build());
        assertThat(r.verdict()).isEqualTo(Verdict.LISTED);
        assertThat(r.codes()).singleElement().satisfies(c -> assertThat(c.sublist()).contains(sublist));
    }

    @ParameterizedTest
    @CsvSource({"127.255.255.254, public", "127.255.255.255, excessive", "127.255.255.252, typing",
        "127.255.255.250, error range"})
    void spamhausRefusalsAreUnknownNeverListed(String code, String words) {
        ListResult r = zen(FakeZone.builder().a(Q, code).txt(Q, "see https://www.spamhaus.org/returnc/pub/").build());
        assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(r.cause()).contains(UnknownCause.QUERY_REFUSED);
        assertThat(r.explanation()).startsWith("unknown: query refused").contains(words).contains("returnc/pub");
        assertThat(r.codes()).isEmpty();
    }

    @Test
    void aListingWithOneRefusalCodeIsStillRefused() {
        ListResult r = zen(FakeZone.builder().a(Q, "127.0.0.2", "127.255.255.254").build());
        assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void severalCodesAreAllReportedWithTheTxtReason() {
        ListResult r = zen(FakeZone.builder().a(Q, "127.0.0.2", "127.0.0.4").txt(Q, "https://check.spamhaus.org/x").build());
        assertThat(r.codes()).extracting(c -> c.sublist().orElseThrow()).containsExactly("SBL", "XBL");
        assertThat(r.reason()).contains("https://check.spamhaus.org/x");
        assertThat(r.answers()).containsExactly("127.0.0.2", "127.0.0.4");
    }

    @Test
    void undocumentedCodeIsAListingSaidToBeUndocumented() {
        ListResult r = zen(FakeZone.builder().a(Q, "127.0.0.77").build());
        assertThat(r.verdict()).isEqualTo(Verdict.LISTED);
        assertThat(r.codes().getFirst().meaning()).contains("undocumented");
    }

    @Test
    void answerOutside127IsUnexpectedNotListed() {
        ListResult r = zen(FakeZone.builder().a(Q, "10.1.2.3").build());
        assertThat(r.cause()).contains(UnknownCause.UNEXPECTED_ANSWER);
    }

    @Test
    void nxdomainAndNodataAreNotListed() {
        assertThat(zen(FakeZone.builder().nxdomain(Q).build()).verdict()).isEqualTo(Verdict.NOT_LISTED);
        assertThat(zen(FakeZone.builder().txt(Q, "x").build()).verdict()).isEqualTo(Verdict.NOT_LISTED);
    }

    @Test
    void dnsFailuresAreUnknownWithTheirCause() {
        assertThat(zen(FakeZone.builder().timeout(Q).build()).cause()).contains(UnknownCause.TIMEOUT);
        assertThat(zen(FakeZone.builder().servfail(Q).build()).cause()).contains(UnknownCause.DNS_FAILURE);
        assertThat(zen(FakeZone.builder().refused(Q).build()).cause()).contains(UnknownCause.QUERY_REFUSED);
    }

    @Test
    void deadListsMakeTheirVerdictUnknown() {
        FakeZone listed = FakeZone.builder().a(Q, "127.0.0.2").build();
        assertThat(interpret("spamhaus-zen", Target.parse("192.0.2.99"), listed, Q, ProbeStatus.LISTS_EVERYTHING).cause())
                .contains(UnknownCause.LIST_LISTS_EVERYTHING);
        FakeZone clean = FakeZone.builder().nxdomain(Q).build();
        assertThat(interpret("spamhaus-zen", Target.parse("192.0.2.99"), clean, Q, ProbeStatus.LISTS_NOTHING).cause())
                .contains(UnknownCause.LIST_LISTS_NOTHING);
        assertThat(interpret("spamhaus-zen", Target.parse("192.0.2.99"), clean, Q, ProbeStatus.INCONCLUSIVE).verdict())
                .isEqualTo(Verdict.NOT_LISTED);
    }

    @Test
    void probeJudgesRfc5782TestPoints() {
        Blocklist zen = SHIPPED.byId("spamhaus-zen").orElseThrow();
        DnsResult listed = FakeZone.builder().a("p", "127.0.0.2").build().lookupNow("p", RecordType.A);
        DnsResult none = FakeZone.builder().nxdomain("p").build().lookupNow("p", RecordType.A);
        DnsResult refused = FakeZone.builder().a("p", "127.255.255.254").build().lookupNow("p", RecordType.A);
        assertThat(Interpretation.probe(zen, listed, none)).isEqualTo(ProbeStatus.HEALTHY);
        assertThat(Interpretation.probe(zen, listed, listed)).isEqualTo(ProbeStatus.LISTS_EVERYTHING);
        assertThat(Interpretation.probe(zen, none, none)).isEqualTo(ProbeStatus.LISTS_NOTHING);
        assertThat(Interpretation.probe(zen, refused, refused)).isEqualTo(ProbeStatus.INCONCLUSIVE);
    }

    @Test
    void dblCodesAndItsIpQueryError() {
        String q = "spam.example.dbl.spamhaus.org";
        Target d = Target.parse("spam.example");
        assertThat(interpret("spamhaus-dbl", d, FakeZone.builder().a(q, "127.0.1.4").build(), q, ProbeStatus.HEALTHY)
                .codes()).singleElement().satisfies(c -> assertThat(c.sublist()).contains("phish"));
        assertThat(interpret("spamhaus-dbl", d, FakeZone.builder().a(q, "127.0.1.255").build(), q, ProbeStatus.HEALTHY)
                .cause()).contains(UnknownCause.QUERY_REFUSED);
    }

    @Test
    void bitmaskListsNameEverySetBit() {
        String q = "spam.example.multi.uribl.com";
        Target d = Target.parse("spam.example");
        ListResult r = interpret("uribl", d, FakeZone.builder().a(q, "127.0.0.6").build(), q, ProbeStatus.HEALTHY);
        assertThat(r.codes()).extracting(c -> c.sublist().orElse("?")).containsExactly("black", "grey");
        assertThat(r.explanation()).contains("not verified");
        ListResult blocked = interpret("uribl", d, FakeZone.builder().a(q, "127.0.0.1").build(), q, ProbeStatus.HEALTHY);
        assertThat(blocked.cause()).contains(UnknownCause.QUERY_REFUSED);
    }

    @Test
    void txtReasonIsSanitisedAndCapped() {
        ListResult r = zen(FakeZone.builder().a(Q, "127.0.0.2").txt(Q, "evil\u0007text" + "x".repeat(1000)).build());
        assertThat(r.reason()).hasValueSatisfying(s -> {
            assertThat(s).doesNotContain("\u0007").startsWith("evil text");
            assertThat(s.length()).isLessThanOrEqualTo(Interpretation.MAX_REASON + 1);
        });
        assertThat(zen(FakeZone.builder().a(Q, "127.0.0.2").build()).reason()).isEqualTo(Optional.empty());
    }
}
