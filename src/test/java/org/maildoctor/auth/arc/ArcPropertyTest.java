package org.maildoctor.auth.arc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Arbitrary ARC header values, and a real chain with one byte changed: a verdict, never an exception. */
class ArcPropertyTest {
    static final ArcVerifier VERIFIER = new ArcVerifier(ArcFixtures.zone(), ArcVerifierTest.CLOCK);
    static final byte[] CHAIN = ArcFixtures.message("pass-i3");

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(120),
                Arbitraries.strings().withChars("i=1234567890;abcdsv =ph\r\n\t:").ofMaxLength(80));
    }

    @Property(tries = 400)
    void arbitraryArcFieldsGiveAVerdict(@ForAll("values") String seal, @ForAll("values") String ams,
                                        @ForAll("values") String aar) {
        byte[] m = ("ARC-Seal: " + seal + "\r\nARC-Message-Signature: " + ams + "\r\nARC-Authentication-Results: "
                + aar + "\r\nFrom: a@x.test\r\n\r\nbody\r\n").getBytes(StandardCharsets.ISO_8859_1);
        ArcValidation v = VERIFIER.verifyAsync(m).join();
        assertThat(v.status()).isNotEqualTo(ChainStatus.PASS);
    }

    @Property(tries = 200)
    void aRealChainWithAnyByteChangedGivesAConsistentVerdict(@ForAll @IntRange(min = 0, max = 100_000) int at) {
        byte[] m = CHAIN.clone();
        int i = at % m.length;
        byte original = m[i];
        m[i] = (byte) (original == 'x' ? 'y' : 'x');
        ArcValidation v = new ArcVerifier(ArcFixtures.zone(), Clock.systemUTC()).verifyAsync(m).join();
        assertThat(v).isNotNull();
        assertThat(v.status() == ChainStatus.FAIL).isEqualTo(v.reason() != ArcFailure.NONE);
    }
}
