package org.maildoctor.blocklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogueTest {
    private final Catalogue shipped = Catalogue.shipped();

    @Test
    void shippedCatalogueHasTheIssuesLists() {
        assertThat(shipped.lists()).extracting(Blocklist::id).contains("spamhaus-zen", "barracuda", "spamcop", "psbl",
                "uceprotect-1", "mailspike", "spamhaus-dbl", "surbl", "uribl");
        assertThat(shipped.lists()).allSatisfy(l -> {
            assertThat(l.delisting()).as(l.id()).startsWith("http");
            assertThat(l.codes()).as(l.id()).isNotEmpty();
        });
        assertThat(shipped.enabled()).extracting(Blocklist::kind).contains(ListKind.IP, ListKind.DOMAIN);
    }

    @Test
    void onlyListsReadInTheirOwnDocumentationAreVerified() {
        assertThat(shipped.lists().stream().filter(Blocklist::verified).map(Blocklist::id))
                .containsExactlyInAnyOrder("spamhaus-zen", "spamhaus-dbl");
    }

    @Test
    void spamhausListsKnowTheirRefusalCodes() {
        for (String id : List.of("spamhaus-zen", "spamhaus-dbl")) {
            assertThat(shipped.byId(id).orElseThrow().errors()).extracting(ReturnCode::code)
                    .contains("127.255.255.252", "127.255.255.254", "127.255.255.255");
        }
    }

    @Test
    void overrideChangesOnlyTheGivenFields() {
        Catalogue c = shipped.withOverrides("""
                lists:
                  - id: spamhaus-zen
                    zone: MYKEY.zen.dq.spamhaus.net
                    timeout: 2s
                  - id: sorbs
                    enabled: true
                  - id: spamcop
                    enabled: false
                """, "test.yml");
        Blocklist zen = c.byId("spamhaus-zen").orElseThrow();
        assertThat(zen.zone()).isEqualTo("mykey.zen.dq.spamhaus.net");
        assertThat(zen.timeout()).contains(Duration.ofSeconds(2));
        assertThat(zen.codes()).isEqualTo(shipped.byId("spamhaus-zen").orElseThrow().codes());
        assertThat(c.enabled()).extracting(Blocklist::id).contains("sorbs").doesNotContain("spamcop");
    }

    @Test
    void replaceKeepsOnlyTheFilesLists() {
        Catalogue c = shipped.withOverrides("""
                replace: true
                lists:
                  - {id: local, name: Local rbldnsd, zone: bl.local, kind: ip, delisting: "mailto:postmaster@example.org",
                     server: "127.0.0.1:5300", codes: {127.0.0.2: listed}}
                """, "local.yml");
        assertThat(c.lists()).singleElement().satisfies(l -> {
            assertThat(l.server()).contains(new ListServer("127.0.0.1", 5300));
            assertThat(l.probe()).isEqualTo(ProbePoints.RFC5782_IP);
            assertThat(l.verified()).isFalse();
        });
    }

    @Test
    void mistakesAreNamedWithTheFileAndList() {
        assertThatThrownBy(() -> shipped.withOverrides("lists:\n  - {id: spamhaus-zen, zoen: x}\n", "f.yml"))
                .hasMessage("f.yml: list spamhaus-zen: unknown key 'zoen'");
        assertThatThrownBy(() -> shipped.withOverrides("lists:\n  - {id: new, zone: x.example}\n", "f.yml"))
                .hasMessageContaining("f.yml: list new: 'kind' is required");
        assertThatThrownBy(() -> shipped.withOverrides("lists: [", "f.yml")).hasMessageStartingWith("f.yml is not valid YAML");
        assertThatThrownBy(() -> shipped.withOverrides("lists:\n  - {id: spamhaus-zen, zone: 'a..b'}\n", "f.yml"))
                .hasMessageContaining("list spamhaus-zen: zone");
        assertThatThrownBy(() -> shipped.withOverrides("lists:\n  - {id: spamhaus-zen, timeout: soon}\n", "f.yml"))
                .hasMessageContaining("timeout 'soon'");
    }

    @Test
    void selectNamesUnknownIds() {
        assertThat(shipped.select(List.of("spamcop", "sorbs"))).extracting(Blocklist::id).containsExactly("spamcop", "sorbs");
        assertThatThrownBy(() -> shipped.select(List.of("nope"))).hasMessageStartingWith("unknown list nope (known: ");
    }
}
