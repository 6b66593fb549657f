package org.maildoctor.auth.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.maildoctor.dns.FakeZone;

/** RFC 9989 §4.10's bound holds for any name: at most 8 queries, ending at the TLD, each a suffix of the last. */
class TreeWalkPropertyTest {

    @Provide
    Arbitrary<String> domains() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(5).list().ofMinSize(1)
                .ofMaxSize(40).map(l -> String.join(".", l));
    }

    @Property(tries = 500)
    void atMostEightNamesEndingAtTheTld(@ForAll("domains") String domain) {
        List<String> names = TreeWalk.names(domain);
        assertThat(names).hasSizeLessThanOrEqualTo(TreeWalk.MAX_QUERIES);
        assertThat(names.getFirst()).isEqualTo(domain);
        String[] labels = domain.split("\\.");
        assertThat(names.getLast()).isEqualTo(labels[labels.length - 1]);
        for (int i = 1; i < names.size(); i++) {
            assertThat(names.get(i - 1)).endsWith("." + names.get(i));
        }
    }

    @Property(tries = 200)
    void anEmptyZoneGivesNoPolicyAndTheDomainAsItsOwnOrganizationalDomain(@ForAll("domains") String domain) {
        FakeZone zone = FakeZone.builder().build();
        PolicyDiscovery d = new DmarcDiscovery(zone).discoverPolicy(domain).join();
        assertThat(d).isInstanceOf(PolicyDiscovery.NoPolicy.class);
        assertThat(d.walk().organizationalDomain().domain()).isEqualTo(domain);
        assertThat(zone.queryCount()).isLessThanOrEqualTo(TreeWalk.MAX_QUERIES);
    }
}
