package org.maildoctor.auth.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The BouncyCastle-backed Ed25519 check agrees with RFC 8032 and with the JDK's own signer. */
class Ed25519VerificationTest {
    private static final HexFormat HEX = HexFormat.of();

    /** RFC 8032 7.1, TEST 2 (one-byte message 0x72). */
    private static final byte[] RFC_KEY = HEX.parseHex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");
    private static final byte[] RFC_MESSAGE = HEX.parseHex("72");
    private static final byte[] RFC_SIGNATURE = HEX.parseHex("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
            + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");

    @Test
    void acceptsTheRfc8032VectorAndRejectsAnyChange() {
        PublicKey key = DkimKeyRecordParser.ed25519Key(RFC_KEY).orElseThrow();
        assertThat(Ed25519Verification.verify(key, RFC_MESSAGE, RFC_SIGNATURE)).isTrue();
        assertThat(Ed25519Verification.verify(key, HEX.parseHex("73"), RFC_SIGNATURE)).isFalse();
        byte[] flipped = RFC_SIGNATURE.clone();
        flipped[10] ^= 1;
        assertThat(Ed25519Verification.verify(key, RFC_MESSAGE, flipped)).isFalse();
        assertThat(Ed25519Verification.verify(key, RFC_MESSAGE, new byte[63])).isFalse();
        assertThat(Ed25519Verification.verify(key, RFC_MESSAGE, new byte[0])).isFalse();
    }

    @Test
    void agreesWithTheJdkSignerAndRejectsAnotherKey() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] data = "the SHA-256 of the signed headers would go here".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(data);
        byte[] sig = signer.sign();
        assertThat(Ed25519Verification.verify(pair.getPublic(), data, sig)).isTrue();
        assertThat(Ed25519Verification.verify(other.getPublic(), data, sig)).isFalse();
    }

    @Test
    void anArbitraryKeyEncodingFailsCleanly() {
        // 32 bytes the JDK accepts as a key whatever they decode to: no exception, just "does not verify"
        for (int y : new int[] {2, 0xff}) {
            byte[] raw = new byte[32];
            raw[0] = (byte) y;
            raw[31] = (byte) 0x7f;
            DkimKeyRecordParser.ed25519Key(raw).ifPresent(key ->
                    assertThat(Ed25519Verification.verify(key, RFC_MESSAGE, RFC_SIGNATURE)).isFalse());
        }
    }
}
