package org.maildoctor.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.maildoctor.auth.spf.Qualifier;
import org.maildoctor.auth.spf.SpfLinter;
import org.maildoctor.auth.spf.SpfParseResult;
import org.maildoctor.auth.spf.SpfRecord;
import org.maildoctor.auth.spf.SpfReport;
import org.maildoctor.dns.FakeZone;

/** The SPF generator: record from choices, lookups as `spf show` counts them, flattening over 10. */
class SpfGeneratorTest {

    /** Provider-style records: Google's include has three more includes below it. */
    private static FakeZone.Builder providers() {
        return FakeZone.builder()
                .txt("_spf.google.com", "v=spf1 include:_netblocks.google.com include:_netblocks2.google.com "
                        + "include:_netblocks3.google.com ~all")
                .txt("_netblocks.google.com", "v=spf1 ip4:35.190.247.0/24 ip4:64.233.160.0/19 ~all")
                .txt("_netblocks2.google.com", "v=spf1 ip6:2001:4860:4000::/36 ~all")
                .txt("_netblocks3.google.com", "v=spf1 ip4:172.217.0.0/19 ~all")
                .txt("sendgrid.net", "v=spf1 ip4:167.89.0.0/17 ip4:208.117.48.0/20 ~all")
                .txt("spf.protection.outlook.com", "v=spf1 ip4:40.92.0.0/15 ip4:40.107.0.0/16 "
                        + "ip6:2a01:111:f400::/48 -all");
    }

    private static SpfChoices choices(String domain, List<SpfProvider> p, List<String> includes, boolean mx) {
        return new SpfChoices(domain, p, includes, List.of("203.0.113.9", "198.51.100.0/24"),
                List.of("2001:db8::/32"), false, mx, Qualifier.FAIL);
    }

    @Test
    void buildsTheRecordInAFixedOrder() {
        String r = SpfGenerator.build(choices("Example.ORG.", List.of(SpfProvider.GOOGLE_WORKSPACE,
                SpfProvider.SENDGRID), List.of("include:_spf.example.net", "sendgrid.net"), true));
        assertThat(r).isEqualTo("v=spf1 mx ip4:203.0.113.9 ip4:198.51.100.0/24 ip6:2001:db8:0:0:0:0:0:0/32 "
                + "include:_spf.google.com include:sendgrid.net include:_spf.example.net -all");
        assertThat(SpfRecord.parse(r)).isInstanceOf(SpfParseResult.Parsed.class); // round trip
    }

    @Test
    void everyCatalogueEntryRoundTripsThroughTheParser() {
        for (SpfProvider p : SpfProvider.values()) {
            String r = SpfGenerator.build(new SpfChoices("example.org", List.of(p), List.of(), List.of(), List.of(),
                    false, false, Qualifier.SOFTFAIL));
            assertThat(SpfRecord.parse(r)).as(p.id()).isInstanceOf(SpfParseResult.Parsed.class);
            assertThat(r).isEqualTo("v=spf1 include:" + p.include() + " ~all");
            assertThat(SpfProvider.parse(p.id())).isEqualTo(p);
        }
    }

    @Test
    void lookupCountEqualsSpfShowOnThePublishedRecord() {
        SpfChoices c = choices("example.org", List.of(SpfProvider.GOOGLE_WORKSPACE, SpfProvider.SENDGRID,
                SpfProvider.MICROSOFT_365), List.of(), true);
        FakeZone before = providers().mx("example.org", 10, "mx.example.org").a("mx.example.org", "8.8.8.8").build();
        SpfProposal p = new SpfGenerator(before).propose(c).join();
        assertThat(p.lookups()).isEqualTo(1 + 4 + 1 + 1); // mx; google + 3 netblocks; sendgrid; outlook
        assertThat(p.flattening()).isEmpty();
        assertThat(p.withinLimit()).isTrue();

        FakeZone published = providers().mx("example.org", 10, "mx.example.org").a("mx.example.org", "8.8.8.8")
                .txt("example.org", p.record().strings().toArray(String[]::new)).build();
        SpfReport shown = SpfLinter.using(published).inspect("example.org");
        assertThat(shown.totalLookups()).isEqualTo(p.lookups());
        assertThat(shown.tree().record()).contains(p.record().value());
    }

    @Test
    void overTenProposesFlatteningThatFitsAndStillAgreesWithSpfShow() {
        FakeZone.Builder b = providers();
        List<String> extra = List.of("a.example.net", "b.example.net", "c.example.net", "d.example.net",
                "e.example.net");
        for (String e : extra) {
            b.txt(e, "v=spf1 ip4:192.0.2." + (e.charAt(0) - 'a' + 1) + " -all");
        }
        b.txt("macro.example.net", "v=spf1 exists:%{i}.x.example.net -all"); // cannot be flattened
        b.mx("example.org", 10, "mx.example.org").a("mx.example.org", "8.8.8.8");
        List<String> includes = new java.util.ArrayList<>(extra);
        includes.add("macro.example.net");
        FakeZone dns = b.build();
        SpfProposal p = new SpfGenerator(dns).propose(choices("example.org", List.of(SpfProvider.GOOGLE_WORKSPACE,
                SpfProvider.SENDGRID, SpfProvider.MICROSOFT_365), includes, true)).join();
        assertThat(p.lookups()).isEqualTo(1 + 4 + 1 + 1 + 5 + 2); // the macro include costs itself and its exists
        assertThat(p.withinLimit()).isFalse();
        assertThat(p.findings()).anyMatch(f -> f.id().equals("spf.lookups"));
        Flattening f = p.flattening().orElseThrow();
        assertThat(f.flattened()).first().isEqualTo("_spf.google.com"); // the most expensive first
        assertThat(f.ranges()).contains("ip4:35.190.247.0/24", "ip6:2001:4860:4000::/36");
        assertThat(f.withinLimit()).isTrue();
        assertThat(f.caveat()).contains("stale");
        assertThat(f.record().value()).doesNotContain("include:_spf.google.com").contains("include:macro.example.net")
                .endsWith("-all");
        assertThat(SpfRecord.parse(f.record().value())).isInstanceOf(SpfParseResult.Parsed.class);

        FakeZone published = providers().mx("example.org", 10, "mx.example.org").a("mx.example.org", "8.8.8.8")
                .txt("macro.example.net", "v=spf1 exists:%{i}.x.example.net -all")
                .txt("a.example.net", "v=spf1 ip4:192.0.2.1 -all").txt("b.example.net", "v=spf1 ip4:192.0.2.2 -all")
                .txt("c.example.net", "v=spf1 ip4:192.0.2.3 -all").txt("d.example.net", "v=spf1 ip4:192.0.2.4 -all")
                .txt("e.example.net", "v=spf1 ip4:192.0.2.5 -all")
                .txt("example.org", f.record().strings().toArray(String[]::new)).build();
        assertThat(SpfLinter.using(published).inspect("example.org").totalLookups()).isEqualTo(f.lookupsAfter());
    }

    @Test
    void includesThatAreNotRangesAreNotFlattened() {
        FakeZone.Builder b = FakeZone.builder();
        StringBuilder rec = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            b.txt("m" + i + ".example.net", "v=spf1 exists:%{ir}.rbl.example.net -all");
        }
        List<String> inc = java.util.stream.IntStream.range(0, 11).mapToObj(i -> "m" + i + ".example.net").toList();
        SpfProposal p = new SpfGenerator(b.build()).propose(new SpfChoices("example.org", List.of(), inc, List.of(),
                List.of(), false, false, Qualifier.FAIL)).join();
        Flattening f = p.flattening().orElseThrow();
        assertThat(f.flattened()).isEmpty();
        assertThat(f.notFlattened()).hasSize(11).allMatch(s -> s.contains("cannot be written as ranges"));
        assertThat(f.withinLimit()).isFalse();
        assertThat(rec).isEmpty();
    }

    @Test
    void aAndMxInsideAnIncludeAreResolvedToAddresses() {
        FakeZone.Builder b = providers().txt("hosts.example.net", "v=spf1 a:out.example.net mx:example.net/24 -all")
                .a("out.example.net", "192.0.2.10").aaaa("out.example.net", "2001:db8::10")
                .mx("example.net", 10, "mail.example.net").a("mail.example.net", "198.51.100.7");
        List<String> inc = new java.util.ArrayList<>(List.of("hosts.example.net"));
        for (int i = 0; i < 8; i++) {
            b.txt("x" + i + ".example.net", "v=spf1 ip4:192.0.2." + (100 + i) + " -all");
            inc.add("x" + i + ".example.net");
        }
        SpfProposal p = new SpfGenerator(b.build()).propose(new SpfChoices("example.org",
                List.of(SpfProvider.GOOGLE_WORKSPACE), inc, List.of(), List.of(), false, false, Qualifier.FAIL)).join();
        assertThat(p.lookups()).isEqualTo(4 + 3 + 8);
        Flattening f = p.flattening().orElseThrow();
        assertThat(f.flattened()).containsExactly("_spf.google.com", "hosts.example.net");
        assertThat(f.ranges()).contains("ip4:192.0.2.10", "ip6:2001:db8:0:0:0:0:0:10", "ip4:198.51.100.7/24");
        assertThat(f.lookupsAfter()).isEqualTo(8);
    }

    @Test
    void badChoicesAreClearErrors() {
        assertThatThrownBy(() -> SpfGenerator.build(new SpfChoices("example.org", List.of(), List.of(),
                List.of("300.1.1.1"), List.of(), false, false, Qualifier.FAIL)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an IPv4");
        assertThatThrownBy(() -> SpfGenerator.build(new SpfChoices("example.org", List.of(), List.of(),
                List.of("10.0.0.0/33"), List.of(), false, false, Qualifier.FAIL)))
                .hasMessageContaining("prefix length");
        assertThatThrownBy(() -> SpfGenerator.build(new SpfChoices("example.org", List.of(), List.of(), List.of(),
                List.of("203.0.113.1"), false, false, Qualifier.FAIL))).hasMessageContaining("IPv6");
        assertThatThrownBy(() -> SpfGenerator.build(new SpfChoices("example.org", List.of(), List.of(), List.of(),
                List.of(), true, false, Qualifier.PASS))).hasMessageContaining("+all");
        assertThatThrownBy(() -> SpfGenerator.build(new SpfChoices("bad..name", List.of(), List.of(), List.of(),
                List.of(), true, false, Qualifier.FAIL))).hasMessageContaining("not a domain name");
        assertThatThrownBy(() -> SpfProvider.parse("nosuch")).hasMessageContaining("known: google");
    }
}
