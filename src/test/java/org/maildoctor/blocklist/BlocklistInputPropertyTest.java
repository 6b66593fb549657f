package org.maildoctor.blocklist;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/** Typed targets and catalogue files: a value or a clean IllegalArgumentException, never another exception. */
class BlocklistInputPropertyTest {

    @Property(tries = 2000)
    void anyTargetParsesOrIsACleanError(@ForAll @StringLength(max = 300) String input) {
        target(input);
    }

    @Property(tries = 2000)
    void targetShapedInputParsesOrIsACleanError(@ForAll("targetish") String input) {
        target(input);
    }

    @Property(tries = 500)
    void anyCatalogueFileLoadsOrIsACleanError(@ForAll("yamlish") String yaml) {
        try {
            assertThat(Catalogue.shipped().withOverrides(yaml, "f.yml").lists()).isNotNull();
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).startsWith("f.yml");
        }
    }

    private static void target(String input) {
        try {
            Target t = Target.parse(input);
            assertThat(t.key()).isNotBlank();
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> targetish() {
        return Arbitraries.of("1", "255", "256", "999", ".", ":", "::", "ffff", "db8", "a", "-", "xn--", "ü", " ",
                "example", "com", "0", "[", "]", "%", "_", "\u0000").list().ofMaxSize(30).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> yamlish() {
        return Arbitraries.of("lists:", "\n", "  - ", "{", "}", "id: ", "spamhaus-zen", "zone: ", "x..y", "kind: ",
                "ip", "domain", "dns", "codes: ", "{127.0.0.2: a}", "[", "]", "timeout: ", "0s", "2s", "server: ",
                "127.0.0.1:99999", "replace: true", ", ", "name: n", "delisting: d", "probe: ", "errors: ", "&a", "*a",
                "ipv6: true", "scheme: ", "bitmask", "?", "'", "\"").list().ofMaxSize(40).map(l -> String.join("", l));
    }
}
