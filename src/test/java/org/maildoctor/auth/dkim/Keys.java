package org.maildoctor.auth.dkim;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Test keys generated once per JVM (RSA generation is slow) and a fixed clock. */
final class Keys {
    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final GeneratedDkimKey RSA = new DkimKeyGenerator().generate("good.test", "rsa", DkimAlgorithm.KeyType.RSA, 2048);
    static final GeneratedDkimKey ED = new DkimKeyGenerator().generate("good.test", "ed", DkimAlgorithm.KeyType.ED25519, 0);

    private Keys() {
    }

    static DkimSigner signer(GeneratedDkimKey k) {
        return new DkimSigner(new DkimSigningKey(k.domain(), k.selector(),
                DkimPrivateKeys.parse(k.privateKeyPem()).orElseThrow()), CLOCK);
    }
}
