package org.maildoctor.receiver.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.maildoctor.blocklist.BlocklistChecker;
import org.maildoctor.blocklist.Catalogue;
import org.maildoctor.blocklist.ListResolvers;
import org.maildoctor.dns.FakeZone;
import org.maildoctor.dns.Resolver;

/** The port adapter over a real {@link BlocklistChecker} whose lists live in a {@link FakeZone}. */
class CatalogueBlocklistLookupTest {
    static final Catalogue LISTS = Catalogue.shipped().withOverrides("""
            replace: true
            lists:
              - {id: ip4, name: IP4, zone: ip4.bl, kind: ip, delisting: "https://ip4.example/remove", codes: {127.0.0.2: spam source}}
              - {id: dom, name: DOM, zone: dom.bl, kind: domain, delisting: "https://dom.example/remove", codes: {127.0.1.2: spam domain}}
              - {id: dead, name: DEAD, zone: dead.bl, kind: ip, delisting: "https://dead.example/", codes: {127.0.0.2: spam}}
            """, "test");

    static final FakeZone ZONE = FakeZone.builder()
            .a("2.0.0.127.ip4.bl", "127.0.0.2").a("99.2.0.192.ip4.bl", "127.0.0.2")
            .txt("99.2.0.192.ip4.bl", "seen sending spam")
            .a("test.dom.bl", "127.0.1.2").a("spam.example.dom.bl", "127.0.1.2")
            .build();

    static BlocklistLookup lookup(ListResolvers routing) {
        return new CatalogueBlocklistLookup(new BlocklistChecker(LISTS, routing, Duration.ofMillis(300)));
    }

    static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    @Test
    void listedIpAndDomainComeBackWithMeaningAndDelistingLink() throws Exception {
        BlocklistLookup.Outcome o = lookup(ListResolvers.shared(ZONE))
                .lookup(ip("192.0.2.99"), List.of("spam.example", "clean.example", "not a name", "spam.example"))
                .join();
        assertThat(o.listings()).extracting(BlocklistLookup.Listing::subject)
                .containsExactlyInAnyOrder("192.0.2.99", "spam.example");
        BlocklistLookup.Listing ipListing = o.listings().stream().filter(l -> l.list().equals("ip4.bl")).findFirst()
                .orElseThrow();
        assertThat(ipListing.meaning()).contains("spam source").contains("seen sending spam");
        assertThat(ipListing.delisting()).isEqualTo("https://ip4.example/remove");
        // the dead list (no probe point listed) can say nothing: unknown, not clean
        assertThat(o.unchecked()).singleElement().satisfies(u -> {
            assertThat(u.list()).isEqualTo("dead.bl");
            assertThat(u.subject()).isEqualTo("192.0.2.99");
            assertThat(u.cause()).isEqualTo("list lists nothing");
        });
        // 2 ip lists for the IP, 1 domain list for each of the two distinct valid domains
        assertThat(o.asked()).isEqualTo(4);
    }

    @Test
    void aSilentListIsUncheckedWithTimeoutNotAPass() throws Exception {
        Resolver silent = (name, type) -> new CompletableFuture<>();
        BlocklistLookup.Outcome o = lookup(list -> list.id().equals("ip4") ? silent : ZONE)
                .lookup(ip("192.0.2.10"), List.of()).join();
        assertThat(o.listings()).isEmpty();
        assertThat(o.unchecked()).extracting(BlocklistLookup.Unchecked::list).contains("ip4.bl");
        assertThat(o.unchecked()).filteredOn(u -> u.list().equals("ip4.bl")).singleElement()
                .satisfies(u -> assertThat(u.cause()).isEqualTo("timeout"));
    }

    @Test
    void consultedListsAreTheEnabledZones() {
        assertThat(lookup(ListResolvers.shared(ZONE)).lists()).containsExactly("ip4.bl", "dom.bl", "dead.bl");
    }
}
