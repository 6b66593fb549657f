package org.maildoctor.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressListsTest {
    private final AddressLists lists = AddressLists.standard();

    @ParameterizedTest
    @ValueSource(strings = {"mailinator.com", "x.mailinator.com", "a.b.mailinator.com", "10minutemail.com",
        "MAILINATOR.COM", "guerrillamail.com"})
    void disposableDomainsAndTheirSubdomains(String domain) {
        assertThat(lists.isDisposable(domain)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gmail.com", "good.test", "mailinator.com.example.org", "mailinator.example", "com"})
    void notDisposable(String domain) {
        assertThat(lists.isDisposable(domain)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "support", "sales", "postmaster", "noreply", "Info", "support+tickets"})
    void roleLocalParts(String local) {
        assertThat(lists.isRole(local)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane", "jane.doe", "john+sales"})
    void personalLocalParts(String local) {
        assertThat(lists.isRole(local)).isFalse();
    }

    @Test
    void freeProvidersAreFlagged() {
        assertThat(lists.flags(new AddressSyntax.Parsed("jane", "gmail.com"))).containsExactly(Flag.FREE);
        assertThat(lists.flags(new AddressSyntax.Parsed("jane", "example.org"))).isEmpty();
    }

    @Test
    void disposableWinsOverFreeWhereTheListsOverlap() {
        // sofortmail.de is in both upstream lists (see ../shared/data/README.md)
        assertThat(lists.flags(new AddressSyntax.Parsed("jane", "sofortmail.de"))).containsExactly(Flag.DISPOSABLE);
    }

    @Test
    void roleAndFreeTogether() {
        assertThat(lists.flags(new AddressSyntax.Parsed("admin", "gmail.com")))
                .containsExactlyInAnyOrder(Flag.FREE, Flag.ROLE);
    }
}
