package org.maildoctor.auth.arc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.maildoctor.dns.Resolver;
import org.maildoctor.dns.dnsjava.Resolvers;
import org.maildoctor.testing.Harness;

/**
 * ARC over the wire resolver against the harness's Knot DNS: a chain that dkimpy sealed with the
 * harness key (d=good.test s=sel1, test-harness/dkim/sel1.private; see src/test/resources/arc/generate.py)
 * verifies with the key Knot serves, and a copy with the body changed fails at the newest AMS.
 */
class ArcHarnessIT {
    static Resolver resolver() {
        return Resolvers.create(Optional.of(new InetSocketAddress("127.0.0.1", Harness.dnsPort())),
                Duration.ofSeconds(3), 1);
    }

    @Test
    void aChainSealedWithTheHarnessKeyVerifiesThroughKnot() {
        ArcValidation v = new ArcVerifier(resolver(), Clock.systemUTC())
                .verifyAsync(ArcFixtures.message("harness-good-test")).join();
        assertThat(v.status()).as(v.explanation()).isEqualTo(ChainStatus.PASS);
        assertThat(v.instances()).isEqualTo(1);
        assertThat(v.newestMessageSignature()).hasValueSatisfying(r -> assertThat(r.domain()).isEqualTo("good.test"));
    }

    @Test
    void theSameChainWithTheBodyChangedFailsAtTheNewestMessageSignature() {
        byte[] tampered = new String(ArcFixtures.message("harness-good-test"), StandardCharsets.ISO_8859_1)
                .replace("wiki page", "wiki-page").getBytes(StandardCharsets.ISO_8859_1);
        ArcValidation v = new ArcVerifier(resolver(), Clock.systemUTC()).verifyAsync(tampered).join();
        assertThat(v.status()).isEqualTo(ChainStatus.FAIL);
        assertThat(v.reason()).isEqualTo(ArcFailure.MESSAGE_SIGNATURE);
        assertThat(v.failedInstance()).hasValue(1);
        assertThat(v.explanation()).contains("body hash mismatch");
    }
}
