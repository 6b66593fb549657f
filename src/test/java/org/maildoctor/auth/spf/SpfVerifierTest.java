package org.maildoctor.auth.spf;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.maildoctor.dns.DnsNames;
import org.maildoctor.dns.DnsResult;
import org.maildoctor.dns.FakeZone;
import org.maildoctor.dns.RecordType;
import org.maildoctor.dns.Resolver;

/** check_host() behaviour the suites do not pin down: query order, counts, reasons, calling modes. */
class SpfVerifierTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    private static InetAddress ip(String s) {
        return DnsNames.parseIpLiteral(s).orElseThrow();
    }

    private static SpfVerifier spf(Resolver r) {
        return SpfVerifier.using(r, CLOCK);
    }

    @Test
    void passReportsTheMechanismTheCountsAndTheQueriesInOrder() {
        FakeZone dns = FakeZone.builder()
                .txt("example.com", "v=spf1 a:nx.example.com include:_spf.example.com -all")
                .txt("_spf.example.com", "v=spf1 mx -all")
                .mx("_spf.example.com", 10, "mx.example.com")
                .a("mx.example.com", "192.0.2.25")
                .build();
        SpfEvaluation e = spf(dns).checkMailFrom(ip("192.0.2.25"), "jane@example.com", "mail.example.com");
        assertThat(e.result()).isEqualTo(SpfResult.PASS);
        assertThat(e.mechanism()).contains("include:_spf.example.com");
        assertThat(e.matchedIn()).contains("example.com");
        assertThat(e.lookups()).isEqualTo(3); // a:, include:, mx
        assertThat(e.voidLookups()).isEqualTo(1); // a:nx.example.com
        assertThat(e.queries()).extracting(SpfQuery::toString).containsExactly(
                "example.com/TXT answer", "nx.example.com/A nxdomain", "_spf.example.com/TXT answer",
                "_spf.example.com/MX answer", "mx.example.com/A answer");
        assertThat(e.explanation()).isEmpty();
        assertThat(e.identity()).isEqualTo(SpfIdentity.MAIL_FROM);
    }

    @Test
    void failCarriesTheExpandedExplanation() {
        FakeZone dns = FakeZone.builder()
                .txt("example.com", "v=spf1 -all exp=why.%{d}")
                .txt("why.example.com", "%{i} may not send for %{d} (sender %{s}, checked by %{r})")
                .build();
        SpfEvaluation e = spf(dns).withReceivingHost("mx.receiver.test")
                .checkMailFrom(ip("192.0.2.9"), "jane@example.com", "h.test");
        assertThat(e.result()).isEqualTo(SpfResult.FAIL);
        assertThat(e.explanation()).contains("192.0.2.9 may not send for example.com (sender jane@example.com,"
                + " checked by mx.receiver.test)");
        assertThat(e.reason()).isEqualTo("192.0.2.9 matched '-all' in the SPF record of example.com");
    }

    @Test
    void defaultExplanationOnlyForFail() {
        FakeZone dns = FakeZone.builder().txt("example.com", "v=spf1 ~all").build();
        SpfEvaluation soft = spf(dns).withDefaultExplanation("see %{d}").checkMailFrom(ip("192.0.2.9"), "a@example.com", "h");
        assertThat(soft.result()).isEqualTo(SpfResult.SOFTFAIL);
        assertThat(soft.explanation()).isEmpty();
        FakeZone hard = FakeZone.builder().txt("example.com", "v=spf1 -all").build();
        assertThat(spf(hard).withDefaultExplanation("see %{d}").checkMailFrom(ip("192.0.2.9"), "a@example.com", "h")
                .explanation()).contains("see example.com");
    }

    @Test
    void heloModeChecksTheHeloNameAsPostmaster() {
        FakeZone dns = FakeZone.builder().txt("mail.example.com", "v=spf1 exists:%{l}.%{d} -all")
                .a("postmaster.mail.example.com", "127.0.0.2").build();
        SpfEvaluation e = spf(dns).checkHelo(ip("192.0.2.1"), "mail.example.com");
        assertThat(e.result()).isEqualTo(SpfResult.PASS);
        assertThat(e.identity()).isEqualTo(SpfIdentity.HELO);
        assertThat(e.sender()).isEqualTo("postmaster@mail.example.com");
    }

    @Test
    void nullSenderUsesTheHeloIdentityAndMissingLocalPartIsPostmaster() {
        FakeZone dns = FakeZone.builder().txt("mail.example.com", "v=spf1 exists:%{l}.x.%{o} -all")
                .a("postmaster.x.mail.example.com", "127.0.0.2").build();
        assertThat(spf(dns).checkMailFrom(ip("192.0.2.1"), "", "mail.example.com").result()).isEqualTo(SpfResult.PASS);
        assertThat(spf(dns).checkMailFrom(ip("192.0.2.1"), "<>", "mail.example.com").result()).isEqualTo(SpfResult.PASS);
        assertThat(spf(dns).checkMailFrom(ip("192.0.2.1"), "@mail.example.com", "x").result()).isEqualTo(SpfResult.PASS);
    }

    @ParameterizedTest
    @CsvSource({"'', empty", "localhost, not a fully qualified", "[192.0.2.1], address literal", "a..b.com, empty label",
            "192.0.2.1, address literal"})
    void malformedDomainsAreNoneWithoutAnyLookup(String domain, String why) {
        FakeZone dns = FakeZone.builder().build();
        SpfEvaluation e = spf(dns).checkHelo(ip("192.0.2.1"), domain);
        assertThat(e.result()).isEqualTo(SpfResult.NONE);
        assertThat(e.reason()).contains(why).contains("RFC 7208 4.3");
        assertThat(dns.queryCount()).isZero();
    }

    @ParameterizedTest(name = "{0} on the record lookup is temperror")
    @CsvSource({"servfail", "refused", "timeout", "unreachable"})
    void everyDnsFailureIsTemperrorNeverFail(String failure) {
        FakeZone.Builder b = FakeZone.builder().txt("example.com", "v=spf1 include:other.example.com -all");
        switch (failure) {
            case "servfail" -> b.servfail("other.example.com");
            case "refused" -> b.refused("other.example.com");
            case "timeout" -> b.timeout("other.example.com");
            default -> b.unreachable("other.example.com");
        }
        SpfEvaluation e = spf(b.build()).checkMailFrom(ip("192.0.2.1"), "a@example.com", "h.example.com");
        assertThat(e.result()).isEqualTo(SpfResult.TEMPERROR);
        assertThat(e.reason()).startsWith("include:other.example.com: DNS error fetching the SPF record");
        assertThat(e.mechanism()).contains("include:other.example.com");
    }

    /** RFC 7208 5.2, the include table. */
    @ParameterizedTest(name = "inner {0} -> outer {1}")
    @CsvSource({
        "'v=spf1 +all',                pass",
        "'v=spf1 -all',                fail",
        "'v=spf1 ~all',                fail",
        "'v=spf1 ?all',                fail",
        "'v=spf1',                     fail",
        "'v=spf1 ip4:1.2.3.4/33',      permerror",
        "'not spf',                    permerror",
    })
    void includeResultMapping(String inner, String outer) {
        FakeZone dns = FakeZone.builder().txt("example.com", "v=spf1 include:inner.example.com -all")
                .txt("inner.example.com", inner).build();
        assertThat(spf(dns).checkMailFrom(ip("192.0.2.1"), "a@example.com", "h").result())
                .isEqualTo(SpfResult.fromKeyword(outer));
    }

    @Test
    void includeLoopStopsAtTheLimitWithTheReason() {
        FakeZone dns = FakeZone.builder().txt("a.example.com", "v=spf1 include:b.example.com -all")
                .txt("b.example.com", "v=spf1 include:a.example.com -all").build();
        SpfEvaluation e = spf(dns).checkMailFrom(ip("192.0.2.1"), "x@a.example.com", "h");
        assertThat(e.result()).isEqualTo(SpfResult.PERMERROR);
        assertThat(e.lookups()).isEqualTo(11);
        assertThat(e.reason()).startsWith("include:b.example.com > include:a.example.com > include:b.example.com > ")
                .contains(": more than 10 DNS-querying terms").contains("the 11th was 'include:");
        assertThat(dns.queryCount()).isEqualTo(11); // the root record and 10 includes; the 11th is never fetched
        assertThat(e.mechanism()).contains("include:b.example.com"); // the outermost term on the way down
    }

    @Test
    void voidLimitNamesTheThirdVoidLookup() {
        FakeZone dns = FakeZone.builder()
                .txt("example.com", "v=spf1 a:n1.example.com a:n2.example.com a:n3.example.com +all").build();
        SpfEvaluation e = spf(dns).checkMailFrom(ip("192.0.2.1"), "x@example.com", "h");
        assertThat(e.result()).isEqualTo(SpfResult.PERMERROR);
        assertThat(e.voidLookups()).isEqualTo(3);
        assertThat(e.reason()).contains("more than 2 void lookups").contains("n3.example.com");
        assertThat(e.mechanism()).contains("a:n3.example.com");
    }

    @Test
    void aHugeRecordIsEvaluatedOrRejectedQuickly() {
        StringBuilder sb = new StringBuilder("v=spf1");
        while (sb.length() < 10_000) {
            sb.append(" a:h").append(sb.length()).append(".example.com");
        }
        FakeZone dns = FakeZone.builder().txt("example.com", sb.append(" -all").toString()).build();
        long t0 = System.nanoTime();
        SpfEvaluation e = spf(dns).checkMailFrom(ip("192.0.2.1"), "x@example.com", "h");
        assertThat(e.result()).isEqualTo(SpfResult.PERMERROR); // the third NXDOMAIN a: term
        assertThat(dns.queryCount()).isLessThanOrEqualTo(11);
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(1000);
    }

    @Test
    @Timeout(5)
    void aResolverThatNeverAnswersIsATimeoutNotAHang() {
        Resolver silent = (name, type) -> new CompletableFuture<>();
        SpfVerifier v = spf(silent).withLimits(new SpfLimits(10, 2, 10, java.time.Duration.ofMillis(200)));
        SpfEvaluation e = v.checkMailFrom(ip("192.0.2.1"), "x@example.com", "h");
        assertThat(e.result()).isEqualTo(SpfResult.TEMPERROR);
        assertThat(e.queries()).extracting(SpfQuery::outcome).containsExactly("pending"); // the resolver never answered
        assertThat(e.reason()).contains("timeout after 200ms");
    }

    @Test
    void multipleRecordsArePermerrorAndOtherTxtIsIgnored() {
        FakeZone dns = FakeZone.builder().txt("example.com", "v=spf1 -all").txt("example.com", "v=spf1 +all")
                .txt("example.com", "google-site-verification=abc").build();
        SpfEvaluation e = spf(dns).checkMailFrom(ip("192.0.2.1"), "x@example.com", "h");
        assertThat(e.result()).isEqualTo(SpfResult.PERMERROR);
        assertThat(e.reason()).isEqualTo("example.com publishes 2 SPF records; exactly one is allowed (RFC 7208 4.5)");
    }

    @Test
    void redirectUsesTheTargetsExplanationAndMechanism() {
        FakeZone dns = FakeZone.builder().txt("example.com", "v=spf1 redirect=_spf.example.net exp=own.example.com")
                .txt("_spf.example.net", "v=spf1 ip4:192.0.2.0/24 -all exp=theirs.example.net")
                .txt("own.example.com", "own").txt("theirs.example.net", "theirs").build();
        SpfEvaluation e = spf(dns).checkMailFrom(ip("198.51.100.1"), "x@example.com", "h");
        assertThat(e.result()).isEqualTo(SpfResult.FAIL);
        assertThat(e.explanation()).contains("theirs");
        assertThat(e.mechanism()).contains("-all");
        assertThat(e.matchedIn()).contains("_spf.example.net");
        assertThat(e.lookups()).isEqualTo(1);
    }

    @Test
    void ipv6ClientsQueryAaaaAndPtrUnderIp6Arpa() {
        FakeZone dns = FakeZone.builder().txt("example.com", "v=spf1 a ptr -all")
                .aaaa("example.com", "2001:db8::99")
                .ptr(ip("2001:db8::25"), "mail.example.com").aaaa("mail.example.com", "2001:db8::25").build();
        SpfEvaluation e = spf(dns).checkMailFrom(ip("2001:db8::25"), "x@example.com", "h");
        assertThat(e.result()).isEqualTo(SpfResult.PASS);
        assertThat(e.mechanism()).contains("ptr");
        assertThat(dns.queries()).extracting(q -> q.type()).containsExactly(RecordType.TXT, RecordType.AAAA,
                RecordType.PTR, RecordType.AAAA);
    }

    @Test
    void resultKeywordsAreTheSevenRfcNames() {
        assertThat(java.util.Arrays.stream(SpfResult.values()).map(SpfResult::keyword))
                .containsExactly("none", "neutral", "pass", "fail", "softfail", "temperror", "permerror");
        assertThat(SpfResult.fromKeyword("unknown")).isEqualTo(SpfResult.PERMERROR);
        assertThat(SpfResult.fromKeyword("error")).isEqualTo(SpfResult.TEMPERROR);
    }

    @Test
    void lookupBudgetTurnsTheEleventhTermIntoAReason() {
        LookupBudget b = new LookupBudget(FakeZone.builder().build(), SpfLimits.RFC7208);
        for (int i = 0; i < 10; i++) {
            assertThat(b.chargeTerm("a")).isEmpty();
        }
        assertThat(b.chargeTerm("mx")).hasValueSatisfying(r -> assertThat(r).contains("the 11th was 'mx'"));
        assertThat(b.lookup("x.test", RecordType.A, true)).isInstanceOf(LookupBudget.Outcome.Ok.class);
        assertThat(b.lookup("y.test", RecordType.A, true)).isInstanceOf(LookupBudget.Outcome.Ok.class);
        assertThat(b.lookup("z.test", RecordType.A, false)).isInstanceOf(LookupBudget.Outcome.Ok.class);
        assertThat(b.lookup("w.test", RecordType.A, true)).isInstanceOf(LookupBudget.Outcome.LimitExceeded.class);
        assertThat(b.lookup("a..b", RecordType.A, true)).isInstanceOf(LookupBudget.Outcome.InvalidName.class);
        assertThat(b.voids()).isEqualTo(3);
        assertThat(b.log()).extracting(SpfQuery::outcome).containsOnly(new DnsResult.NxDomain("x", RecordType.A,
                java.util.List.of(), java.util.Optional.empty()).outcome());
    }

    @Test
    void pMacroPrefersTheDomainBeingEvaluatedAndLooksUpOnce() {
        FakeZone dns = FakeZone.builder()
                .txt("a.test", "v=spf1 exists:%{p}.x.test include:b.test -all")
                .txt("b.test", "v=spf1 exists:%{p}.chk.test -all")
                .a("mail.b.test.chk.test", "127.0.0.2")
                .ptr(ip("192.0.2.7"), "mail.a.test").ptr(ip("192.0.2.7"), "mail.b.test")
                .a("mail.a.test", "192.0.2.7").a("mail.b.test", "192.0.2.7").build();
        SpfEvaluation e = spf(dns).checkMailFrom(ip("192.0.2.7"), "x@a.test", "h");
        assertThat(e.result()).isEqualTo(SpfResult.PASS);
        assertThat(dns.queryCount("7.2.0.192.in-addr.arpa", RecordType.PTR)).isEqualTo(1);
        assertThat(dns.queries().stream().map(Object::toString)).contains("mail.a.test.x.test/A", "mail.b.test.chk.test/A");
    }
}
