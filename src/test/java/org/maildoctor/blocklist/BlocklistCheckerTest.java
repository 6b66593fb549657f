package org.maildoctor.blocklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.maildoctor.dns.FakeZone;
import org.maildoctor.dns.RecordType;
import org.maildoctor.dns.Resolver;

class BlocklistCheckerTest {
    private static final Catalogue TEST = Catalogue.shipped().withOverrides("""
            replace: true
            lists:
              - {id: ip4, name: IP4, zone: ip4.bl, kind: ip, delisting: "https://ip4.example", codes: {127.0.0.2: spam}}
              - {id: ip46, name: IP46, zone: ip46.bl, kind: ip, ipv6: true, delisting: "https://ip46.example", codes: {127.0.0.2: spam}}
              - {id: dom, name: DOM, zone: dom.bl, kind: domain, delisting: "https://dom.example", codes: {127.0.1.2: spam}}
              - {id: paused, name: PAUSED, zone: paused.bl, kind: ip, enabled: false, delisting: "https://paused.example", codes: {127.0.0.2: spam}}
            """, "test");

    private static FakeZone healthy(FakeZone.Builder b, String zone) {
        return b.a("2.0.0.127." + zone, "127.0.0.2").build();
    }

    @Test
    void asksEveryApplicableListAndSkipsTheRest() {
        FakeZone zone = FakeZone.builder().a("2.0.0.127.ip4.bl", "127.0.0.2").a("2.0.0.127.ip46.bl", "127.0.0.2")
                .a("99.2.0.192.ip4.bl", "127.0.0.2").build();
        BlocklistReport r = new BlocklistChecker(TEST, ListResolvers.shared(zone), Duration.ofSeconds(1))
                .check(Target.parse("192.0.2.99")).join();
        assertThat(r.results()).extracting(x -> x.list().id(), ListResult::verdict)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ip4", Verdict.LISTED),
                        org.assertj.core.groups.Tuple.tuple("ip46", Verdict.NOT_LISTED));
        assertThat(r.skipped()).extracting(s -> s.list().id()).containsExactly("dom");
        assertThat(r.overall()).isEqualTo(Verdict.LISTED);
        // per list: A and TXT at the query name, and the two probe points
        assertThat(zone.queryCount("99.2.0.192.ip4.bl", RecordType.TXT)).isEqualTo(1);
        assertThat(zone.queryCount("1.0.0.127.ip4.bl", RecordType.A)).isEqualTo(1);
        assertThat(zone.queryCount()).isEqualTo(8);
    }

    @Test
    void ipv6GoesOnlyToListsThatCarryIt() {
        FakeZone zone = healthy(FakeZone.builder().a("2.0.0.0.0.0.f.7.f.f.f.f.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.ip46.bl",
                "127.0.0.2"), "ip46.bl");
        BlocklistReport r = new BlocklistChecker(TEST, ListResolvers.shared(zone), Duration.ofSeconds(1))
                .check(Target.parse("2001:db8::1")).join();
        assertThat(r.results()).singleElement().satisfies(x -> {
            assertThat(x.verdict()).isEqualTo(Verdict.NOT_LISTED);
            assertThat(x.probe()).isEqualTo(ProbeStatus.HEALTHY);
        });
        assertThat(r.skipped()).extracting(s -> s.why()).contains("lists IPv4 addresses only");
    }

    @Test
    void disabledListsRunOnlyWhenAskedFor() {
        FakeZone zone = FakeZone.builder().build();
        BlocklistChecker checker = new BlocklistChecker(TEST, ListResolvers.shared(zone), Duration.ofSeconds(1));
        assertThat(checker.check(Target.parse("192.0.2.1")).join().results()).extracting(x -> x.list().id())
                .doesNotContain("paused");
        assertThat(checker.check(Target.parse("192.0.2.1"), List.of("paused")).join().results())
                .singleElement().satisfies(x -> assertThat(x.cause()).contains(UnknownCause.LIST_LISTS_NOTHING));
    }

    @Test
    void aListThatNeverAnswersTimesOutAloneAndOthersStillAnswer() {
        FakeZone zone = FakeZone.builder().a("2.0.0.127.ip4.bl", "127.0.0.2").build();
        Resolver silent = (name, type) -> new CompletableFuture<>();
        ListResolvers routing = list -> list.id().equals("ip46") ? silent : zone;
        BlocklistReport r = new BlocklistChecker(TEST, routing, Duration.ofMillis(200))
                .check(Target.parse("192.0.2.10")).join();
        assertThat(r.results()).extracting(ListResult::verdict).containsExactly(Verdict.NOT_LISTED, Verdict.UNKNOWN);
        assertThat(r.results().get(1).cause()).contains(UnknownCause.TIMEOUT);
        assertThat(r.results().get(1).explanation()).contains("timeout").contains("200ms");
        assertThat(r.overall()).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void domainTooLongForTheZoneIsUnknownWithoutAQuery() {
        FakeZone zone = FakeZone.builder().build();
        String label = "a".repeat(60);
        String domain = String.join(".", label, label, label, "b".repeat(56)) + ".example";
        BlocklistReport r = new BlocklistChecker(TEST, ListResolvers.shared(zone), Duration.ofSeconds(1))
                .check(Target.parse(domain)).join();
        assertThat(r.results()).singleElement().satisfies(x -> assertThat(x.cause()).contains(UnknownCause.NAME_TOO_LONG));
    }
}
