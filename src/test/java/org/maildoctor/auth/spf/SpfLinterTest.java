package org.maildoctor.auth.spf;

import org.maildoctor.model.Severity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.maildoctor.dns.DnsRecord;
import org.maildoctor.dns.FakeZone;

/** One case per lint check, against a fake zone. */
class SpfLinterTest {

    private static SpfReport inspect(FakeZone dns, String domain) {
        return SpfLinter.using(dns).inspect(domain);
    }

    private static List<String> ids(SpfReport r) {
        return r.findings().stream().map(SpfFinding::id).toList();
    }

    @Test
    void aCleanRecordHasNoFindings() {
        FakeZone dns = FakeZone.builder().txt("example.com", "v=spf1 mx ip4:198.51.99.0/24 -all")
                .mx("example.com", 10, "mx.example.com").a("mx.example.com", "8.8.8.8").build();
        SpfReport r = inspect(dns, "example.com");
        assertThat(r.findings()).isEmpty();
        assertThat(r.worst()).isEmpty();
        assertThat(r.totalLookups()).isEqualTo(1);
        assertThat(r.tree().status()).isEqualTo(SpfTree.Status.OK);
        assertThat(r.notChecked()).isEmpty();
    }

    @Test
    void multipleRecords() {
        FakeZone dns = FakeZone.builder().txt("example.com", "v=spf1 -all").txt("example.com", "v=spf1 a -all").build();
        SpfReport r = inspect(dns, "example.com");
        assertThat(ids(r)).containsExactly("spf.multiple-records");
        assertThat(r.tree().status()).isEqualTo(SpfTree.Status.MULTIPLE_RECORDS);
        assertThat(r.findings().getFirst().severity()).isEqualTo(Severity.ERROR);
        assertThat(r.findings().getFirst().fix()).contains("Merge them");
    }

    @Test
    void lookupCountOverTheIncludeTree() {
        FakeZone.Builder b = FakeZone.builder().txt("example.com", "v=spf1 include:a.example.net include:b.example.net -all")
                .txt("a.example.net", "v=spf1 a mx ptr:x.example.net exists:e.example.net ip4:8.8.8.8 ~all")
                .txt("b.example.net", "v=spf1 include:c.example.net a:h1.example.net a:h2.example.net ~all")
                .txt("c.example.net", "v=spf1 mx:m.example.net a:h3.example.net -all");
        for (String h : List.of("a.example.net", "e.example.net", "h1.example.net", "h2.example.net", "h3.example.net")) {
            b.a(h, "8.8.4.4");
        }
        b.mx("a.example.net", 10, "h1.example.net").mx("m.example.net", 10, "h1.example.net");
        SpfReport r = inspect(b.build(), "example.com");
        SpfTree root = r.tree();
        assertThat(root.ownLookups()).isEqualTo(2);
        assertThat(root.children()).extracting(SpfTree::domain).containsExactly("a.example.net", "b.example.net");
        assertThat(root.children()).extracting(SpfTree::ownLookups).containsExactly(4, 3);
        assertThat(root.children()).extracting(SpfTree::cumulativeLookups).containsExactly(4, 5);
        assertThat(root.cumulativeLookups()).isEqualTo(11);
        assertThat(ids(r)).contains("spf.lookups", "spf.ptr");
        assertThat(r.findings().getFirst().id()).isEqualTo("spf.lookups"); // errors first
    }

    @Test
    void voidLookups() {
        FakeZone dns = FakeZone.builder().txt("example.com",
                "v=spf1 a:gone1.example.com mx:gone2.example.com exists:gone3.example.com -all").build();
        SpfReport r = inspect(dns, "example.com");
        assertThat(r.voidLookups()).isEqualTo(3);
        assertThat(r.findings()).filteredOn(f -> f.id().equals("spf.void-lookups"))
                .extracting(SpfFinding::severity).containsExactly(Severity.ERROR, Severity.WARNING, Severity.WARNING,
                        Severity.WARNING);
    }

    @Test
    void allQualifiersAndMissingAll() {
        assertThat(ids(inspect(FakeZone.builder().txt("e.com", "v=spf1 +all").build(), "e.com")))
                .containsExactly("spf.all-pass");
        assertThat(ids(inspect(FakeZone.builder().txt("e.com", "v=spf1 ?all").build(), "e.com")))
                .containsExactly("spf.all-neutral");
        assertThat(ids(inspect(FakeZone.builder().txt("e.com", "v=spf1 ip4:8.8.8.8").build(), "e.com")))
                .containsExactly("spf.no-all");
        // an included record without all is normal: only the include matters
        FakeZone inc = FakeZone.builder().txt("e.com", "v=spf1 include:i.e.com -all").txt("i.e.com", "v=spf1 ip4:8.8.8.8")
                .build();
        assertThat(ids(inspect(inc, "e.com"))).isEmpty();
        assertThat(ids(inspect(FakeZone.builder().txt("e.com", "v=spf1 -all redirect=x.e.com").build(), "e.com")))
                .containsExactly("spf.redirect-ignored");
    }

    @Test
    void sizeChecks() {
        String longString = "v=spf1 " + "ip4:8.8.8.8 ".repeat(25) + "-all"; // over 255 octets in one string
        FakeZone dns = FakeZone.builder().record(DnsRecord.Txt.of("e.com", 300, List.of(longString)))
                .txt("e.com", "x".repeat(200)).txt("e.com", "y".repeat(200)).build();
        SpfReport r = inspect(dns, "e.com");
        assertThat(ids(r)).contains("spf.string-too-long", "spf.txt-too-large", "spf.duplicate");
        assertThat(SpfLinter.estimatedResponseSize("e.com", List.of(DnsRecord.Txt.of("e.com", 1, List.of("abc")))))
                .isEqualTo(12 + 7 + 4 + 12 + 4);
    }

    @Test
    void privateAndReservedAddresses() {
        FakeZone dns = FakeZone.builder().txt("e.com",
                "v=spf1 ip4:10.1.2.3 ip4:192.168.0.0/16 ip6:fd00::/8 ip6:2001:db8::1 ip4:8.8.8.8 ip4:0.0.0.0/0 -all").build();
        SpfReport r = inspect(dns, "e.com");
        assertThat(r.findings()).filteredOn(f -> f.id().equals("spf.private-ip")).hasSize(4)
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING))
                .extracting(SpfFinding::explanation).first().asString()
                .isEqualTo("'ip4:10.1.2.3' is a private address (RFC 1918 / RFC 4193); it never appears as a client"
                        + " on the Internet");
        assertThat(r.findings()).filteredOn(f -> f.id().equals("spf.broad-range")).singleElement()
                .satisfies(f -> assertThat(f.explanation()).startsWith("'ip4:0.0.0.0/0'"));
    }

    @Test
    void unreachableIncludesAndLoops() {
        FakeZone dns = FakeZone.builder().txt("e.com", "v=spf1 include:gone.e.com include:loop.e.com include:%{d}.x.e.com -all")
                .txt("loop.e.com", "v=spf1 include:e.com -all").build();
        SpfReport r = inspect(dns, "e.com");
        assertThat(ids(r)).contains("spf.include-unreachable", "spf.include-loop", "spf.macro-not-followed");
        assertThat(r.tree().children()).extracting(SpfTree::status).containsExactly(SpfTree.Status.NO_RECORD,
                SpfTree.Status.OK, SpfTree.Status.NOT_FOLLOWED);
        assertThat(r.tree().children().get(1).children()).extracting(SpfTree::status).containsExactly(SpfTree.Status.LOOP);
    }

    @Test
    void duplicatesAndOverlaps() {
        FakeZone dns = FakeZone.builder().txt("e.com",
                "v=spf1 a a ip4:8.8.8.0/24 ip4:8.8.8.8 ip6:2a00:1450::/32 ip6:2a00:1450:4000::/36 include:i.e.com include:j.e.com -all")
                .a("e.com", "8.8.8.8").txt("i.e.com", "v=spf1 include:k.e.com").txt("j.e.com", "v=spf1 include:k.e.com")
                .txt("k.e.com", "v=spf1 ip4:8.8.4.4").build();
        SpfReport r = inspect(dns, "e.com");
        assertThat(r.findings()).filteredOn(f -> f.id().equals("spf.duplicate")).extracting(SpfFinding::explanation)
                .anySatisfy(x -> assertThat(x).startsWith("'a' appears more than once"))
                .anySatisfy(x -> assertThat(x).startsWith("k.e.com is reached more than once"));
        assertThat(r.findings()).filteredOn(f -> f.id().equals("spf.overlap")).extracting(SpfFinding::explanation)
                .containsExactlyInAnyOrder("'ip4:8.8.8.8' is already covered by 'ip4:8.8.8.0/24'",
                        "'ip6:2a00:1450:4000::/36' is already covered by 'ip6:2a00:1450::/32'");
    }

    @Test
    void dnsFailuresAreMarkedSoTheCliCanSayUnknown() {
        FakeZone dns = FakeZone.builder().txt("e.com", "v=spf1 include:slow.e.com -all").timeout("slow.e.com").build();
        SpfReport r = inspect(dns, "e.com");
        assertThat(r.tree().anyDnsFailure()).isTrue();
        assertThat(ids(r)).containsExactly("spf.dns-failure");
    }

    @Test
    void syntaxErrorsAndMissingRecords() {
        assertThat(ids(inspect(FakeZone.builder().txt("e.com", "v=spf1 ip4:1.2.3 -all").build(), "e.com")))
                .containsExactly("spf.syntax");
        SpfReport none = inspect(FakeZone.builder().build(), "e.com");
        assertThat(ids(none)).containsExactly("spf.no-record");
        assertThat(none.tree().status()).isEqualTo(SpfTree.Status.NO_RECORD);
        assertThat(ids(inspect(FakeZone.builder().build(), "a..b"))).containsExactly("spf.no-record");
    }

    @Test
    void hugeTreesAreCutOff() {
        FakeZone.Builder b = FakeZone.builder();
        for (int i = 0; i < 200; i++) {
            b.txt("n" + i + ".e.com", "v=spf1 include:n" + (i + 1) + ".e.com include:m" + i + ".e.com -all");
            b.txt("m" + i + ".e.com", "v=spf1 ip4:8.8.8.8");
        }
        SpfReport r = inspect(b.build(), "n0.e.com");
        assertThat(r.findings()).extracting(SpfFinding::id).contains("spf.lookups");
        assertThat(r.totalLookups()).isGreaterThan(10);
    }

    @Test
    void aHugeRecordCostsABoundedNumberOfLookups() {
        StringBuilder sb = new StringBuilder("v=spf1");
        while (sb.length() < 10_000) {
            sb.append(" a:h").append(sb.length()).append(".e.com");
        }
        FakeZone dns = FakeZone.builder().txt("e.com", sb.append(" -all").toString()).build();
        SpfReport r = inspect(dns, "e.com");
        assertThat(r.totalLookups()).isGreaterThan(500);
        // the TXT, the type 99 probe, and at most two queries per probed term
        assertThat(dns.queryCount()).isLessThanOrEqualTo(2 + 2 * SpfLinter.MAX_VOID_CHECKS);
        assertThat(ids(r)).contains("spf.lookups", "spf.void-lookups");
    }

    @Test
    void theDeprecatedSpfRrTypeIsReported() {
        FakeZone dns = FakeZone.builder().txt("example.com", "v=spf1 ip4:8.8.8.8 -all")
                .record(new DnsRecord.Spf("example.com", 300, "v=spf1 ip4:8.8.4.4 -all", List.of("v=spf1 ip4:8.8.4.4 -all")))
                .build();
        SpfReport r = inspect(dns, "example.com");
        assertThat(ids(r)).containsExactly("spf.rr-type");
        assertThat(r.findings().getFirst().severity()).isEqualTo(Severity.WARNING);
        assertThat(r.findings().getFirst().explanation()).contains("RFC 7208 3.1", "v=spf1 ip4:8.8.4.4 -all");
        assertThat(dns.queries()).extracting(q -> q.type().name()).contains("SPF");
        // no type 99 record: nothing reported; a failed type 99 query is "not checked", never a finding
        assertThat(ids(inspect(FakeZone.builder().txt("example.com", "v=spf1 -all").build(), "example.com"))).isEmpty();
        SpfReport refused = inspect(FakeZone.builder().txt("example.com", "v=spf1 -all")
                .refused("example.com").build(), "example.com");
        assertThat(ids(refused)).containsExactly("spf.dns-failure"); // refused(name) fails the TXT too
        SpfReport spfTypeFails = inspect(FakeZone.builder().txt("example.com", "v=spf1 -all")
                .servfail("example.com", org.maildoctor.dns.RecordType.SPF).build(), "example.com");
        assertThat(ids(spfTypeFails)).isEmpty();
        assertThat(spfTypeFails.notChecked()).singleElement().asString().startsWith("spf.rr-type:");
    }
}
