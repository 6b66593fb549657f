package org.maildoctor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.maildoctor.blocklist.BlocklistChecker;
import org.maildoctor.blocklist.Catalogue;
import org.maildoctor.blocklist.ListResolvers;
import org.maildoctor.dns.FakeZone;

class BlocklistSectionTest {
    private static final Catalogue LISTS = Catalogue.shipped().withOverrides("""
            replace: true
            lists:
              - {id: zen, name: ZEN, zone: zen.example, kind: ip, delisting: "https://delist.example/", codes: {127.0.0.2: SBL}}
              - {id: slow, name: Slow, zone: slow.example, kind: ip, delisting: "https://s.example/", codes: {127.0.0.2: spam}}
            """, "test");

    private static Map<String, AuditCheck> run(AddressPolicy policy, String... ips) throws Exception {
        FakeZone zone = FakeZone.builder().a("2.0.0.127.zen.example", "127.0.0.2").a("4.4.8.8.zen.example", "127.0.0.2")
                .timeout("4.4.8.8.slow.example").build();
        BlocklistSection section = new BlocklistSection(
                new BlocklistChecker(LISTS, ListResolvers.shared(zone), Duration.ofSeconds(1)), policy);
        List<InetAddress> addresses = new java.util.ArrayList<>();
        for (String ip : ips) {
            addresses.add(InetAddress.getByName(ip));
        }
        return section.run(new AuditRequest("example.org", addresses, List.of())).join().stream()
                .collect(Collectors.toMap(AuditCheck::id, Function.identity()));
    }

    @Test
    void listedFailsWithTheDelistingLinkAndTimeoutIsUnknown() throws Exception {
        Map<String, AuditCheck> c = run(AddressPolicy.PUBLIC_ONLY, "8.8.4.4");
        assertThat(c.get("blocklist.zen").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(c.get("blocklist.zen").fix()).hasValueSatisfying(f -> assertThat(f).contains("https://delist.example/"));
        assertThat(c.get("blocklist.slow").status()).isEqualTo(CheckStatus.UNKNOWN);
    }

    @Test
    void loopbackAndPrivateAddressesAreNotAsked() throws Exception {
        Map<String, AuditCheck> c = run(AddressPolicy.PUBLIC_ONLY, "10.1.2.3");
        assertThat(c).containsOnlyKeys("blocklist.not-applicable");
        assertThat(c.get("blocklist.not-applicable").status()).isEqualTo(CheckStatus.PASS);
        assertThat(run(AddressPolicy.ALLOW_PRIVATE, "127.0.0.1")).containsOnlyKeys("blocklist.not-applicable");
        assertThat(run(AddressPolicy.ALLOW_PRIVATE, "10.1.2.3")).containsKeys("blocklist.zen", "blocklist.slow");
    }

    @Test
    void noIpNoChecks() throws Exception {
        assertThat(run(AddressPolicy.PUBLIC_ONLY)).isEmpty();
    }
}
