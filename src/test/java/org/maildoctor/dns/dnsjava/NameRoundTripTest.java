package org.maildoctor.dns.dnsjava;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.maildoctor.dns.DnsNameException;
import org.maildoctor.dns.DnsNames;
import org.xbill.DNS.Name;

/** Every name the normaliser accepts can be sent by dnsjava and comes back from a reply unchanged. */
class NameRoundTripTest {

    @Property(tries = 1000)
    void normalisedNamesSurviveDnsjava(@ForAll("nameLike") String input) throws Exception {
        String normalized;
        try {
            normalized = DnsNames.normalize(input);
        } catch (DnsNameException e) {
            Assume.that(false);
            return;
        }
        Name name = normalized.equals(".") ? Name.root : Name.fromString(normalized + ".");
        assertThat(RecordMapper.name(name)).isEqualTo(normalized);
    }

    @Provide
    Arbitrary<String> nameLike() {
        return Arbitraries.strings()
                .withChars("abcXYZ019-_.*/+=!#%&,<>?[]^`{|}~üé")
                .ofMinLength(1).ofMaxLength(80);
    }
}
