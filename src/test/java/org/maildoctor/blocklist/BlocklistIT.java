package org.maildoctor.blocklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.maildoctor.dns.Resolver;
import org.maildoctor.dns.dnsjava.Resolvers;
import org.maildoctor.testing.Harness;
import org.maildoctor.testing.SilentDnsServer;

/**
 * Against the harness's fake lists (zone bl.test) and a DNS server that never answers: listed,
 * clean, refused (127.255.255.254 / .255), dead lists, garbage and timeouts, all in one concurrent check.
 */
class BlocklistIT {
    private static final Duration SILENT_TIMEOUT = Duration.ofMillis(600);
    private static SilentDnsServer silent;
    private static BlocklistChecker checker;

    @BeforeAll
    static void setUp() throws Exception {
        silent = new SilentDnsServer();
        Resolver shared = Resolvers.cached(Optional.of(new InetSocketAddress("127.0.0.1", Harness.dnsPort())),
                Duration.ofSeconds(3), 1);
        Catalogue catalogue = HarnessLists.catalogue()
                .withOverrides(HarnessLists.silentLists(silent.hostPort(), SILENT_TIMEOUT.toMillis() + "ms"), "silent");
        checker = new BlocklistChecker(catalogue, ListResolvers.of(shared, s -> Resolvers.create(
                Optional.of(new InetSocketAddress(s.host(), s.port())), Duration.ofSeconds(5), 1)), Duration.ofSeconds(3));
    }

    @AfterAll
    static void tearDown() {
        silent.close();
    }

    private static Map<String, ListResult> byId(BlocklistReport r) {
        return r.results().stream().collect(Collectors.toMap(x -> x.list().id(), Function.identity()));
    }

    @Test
    void everyOutcomeIsReportedCorrectlyInOneConcurrentCheck() {
        long t0 = System.nanoTime();
        BlocklistReport report = checker.check(Target.parse("192.0.2.99")).join();
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        Map<String, ListResult> r = byId(report);

        assertThat(r.get("zen").verdict()).isEqualTo(Verdict.LISTED);
        assertThat(r.get("zen").codes()).extracting(c -> c.sublist().orElseThrow()).containsExactly("SBL", "XBL");
        assertThat(r.get("zen").reason()).hasValueSatisfying(s -> assertThat(s).contains("SBLTEST99"));
        assertThat(r.get("zen").probe()).isEqualTo(ProbeStatus.HEALTHY);

        assertThat(r.get("refused").cause()).contains(UnknownCause.QUERY_REFUSED);
        assertThat(r.get("refused").explanation()).startsWith("unknown: query refused").contains("127.255.255.254")
                .contains("public resolver");
        assertThat(r.get("refused").reason()).hasValueSatisfying(s -> assertThat(s).contains("returnc/pub"));
        assertThat(r.get("quota").cause()).contains(UnknownCause.QUERY_REFUSED);
        assertThat(r.get("quota").explanation()).contains("127.255.255.255");
        assertThat(r.get("typo").cause()).contains(UnknownCause.QUERY_REFUSED);
        assertThat(r.get("typo").explanation()).contains("127.255.255.252");
        assertThat(r.get("everything").cause()).contains(UnknownCause.LIST_LISTS_EVERYTHING);
        assertThat(r.get("nothing").cause()).contains(UnknownCause.LIST_LISTS_NOTHING);
        assertThat(r.get("garbage").cause()).contains(UnknownCause.UNEXPECTED_ANSWER);
        assertThat(r.get("silent-1").cause()).contains(UnknownCause.TIMEOUT);
        assertThat(r.get("silent-2").cause()).contains(UnknownCause.TIMEOUT);
        assertThat(silent.queries()).isGreaterThanOrEqualTo(2);

        assertThat(report.skipped()).extracting(s -> s.list().id()).contains("dbl", "multi");
        assertThat(report.overall()).isEqualTo(Verdict.LISTED);
        // two silent lists of 600 ms each: run one after the other they would take 1.2 s
        assertThat(took).isLessThan(SILENT_TIMEOUT.multipliedBy(2).minusMillis(200));
    }

    @Test
    void cleanAddressIsNotListedWhereTheListIsHealthy() {
        Map<String, ListResult> r = byId(checker.check(Target.parse("192.0.2.10")).join());
        assertThat(r.get("zen").verdict()).isEqualTo(Verdict.NOT_LISTED);
        assertThat(r.get("zen").explanation()).isEqualTo("192.0.2.10 is not listed on Fake ZEN");
        assertThat(r.get("nothing").verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(r.get("refused").verdict()).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void pblOnlyListingNamesThePbl() {
        ListResult zen = byId(checker.check(Target.parse("192.0.2.11"), java.util.List.of("zen")).join()).get("zen");
        assertThat(zen.codes()).singleElement().satisfies(c -> assertThat(c.sublist()).contains("PBL"));
    }

    @Test
    void ipv6IsAskedInNibbleFormatWithAnIpv6Probe() {
        BlocklistReport report = checker.check(Target.parse("2001:db8::99")).join();
        ListResult zen = byId(report).get("zen");
        assertThat(zen.queryName()).isEqualTo("9.9.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.zen.bl.test");
        assertThat(zen.verdict()).isEqualTo(Verdict.LISTED);
        assertThat(zen.codes()).singleElement().satisfies(c -> assertThat(c.sublist()).contains("CSS"));
        assertThat(zen.probe()).isEqualTo(ProbeStatus.HEALTHY);
        assertThat(report.skipped()).extracting(s -> s.list().id()).contains("refused", "dbl");
    }

    @Test
    void domainsGoToDomainLists() {
        Map<String, ListResult> spam = byId(checker.check(Target.parse("SPAM.example.")).join());
        assertThat(spam.keySet()).containsExactlyInAnyOrder("dbl", "multi");
        assertThat(spam.get("dbl").codes()).singleElement().satisfies(c -> assertThat(c.sublist()).contains("spam"));
        assertThat(spam.get("dbl").reason()).isPresent();
        assertThat(spam.get("multi").codes()).extracting(c -> c.sublist().orElseThrow()).containsExactly("black", "grey");

        Map<String, ListResult> clean = byId(checker.check(Target.parse("clean.example")).join());
        assertThat(clean.values()).allSatisfy(x -> {
            assertThat(x.verdict()).isEqualTo(Verdict.NOT_LISTED);
            assertThat(x.probe()).isEqualTo(ProbeStatus.HEALTHY);
        });
    }
}
