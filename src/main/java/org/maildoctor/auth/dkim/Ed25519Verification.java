package org.maildoctor.auth.dkim;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.PublicKey;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Ed25519 verification (RFC 8032 5.1.7) through BouncyCastle's lightweight API rather than the
 * JDK's {@code Signature.getInstance("Ed25519")}: measured side by side on this project's bench
 * machine, the JDK's pure-Java field arithmetic needed about 10x longer per verification
 * (bench/RESULTS.md), which made Ed25519 most of the cost of verifying ordinary signed mail.
 * Keys stay JDK {@link PublicKey}s everywhere else; the decoded curve point is kept per key object
 * (key records are memoised by text, so the same objects recur).
 */
final class Ed25519Verification {
    private static final int RAW_KEY_LENGTH = Ed25519PublicKeyParameters.KEY_SIZE;

    private static final Cache<PublicKey, Ed25519PublicKeyParameters> POINTS =
            Caffeine.newBuilder().weakKeys().maximumSize(10_000).build();

    private Ed25519Verification() {
    }

    /**
     * Whether {@code signature} is a valid Ed25519 signature of {@code message} under {@code key}
     * (an X.509-encodable Ed25519 key). A malformed key or signature verifies as false.
     */
    static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        if (signature.length != Ed25519PublicKeyParameters.KEY_SIZE * 2) {
            return false;
        }
        Ed25519PublicKeyParameters point;
        try {
            point = POINTS.get(key, Ed25519Verification::decode);
        } catch (RuntimeException notAPoint) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, point);
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    /** The raw 32-byte key is the last 32 bytes of its SubjectPublicKeyInfo (RFC 8410 4). */
    private static Ed25519PublicKeyParameters decode(PublicKey key) {
        byte[] spki = key.getEncoded();
        if (spki == null || spki.length < RAW_KEY_LENGTH) {
            throw new IllegalArgumentException("not an Ed25519 key");
        }
        return new Ed25519PublicKeyParameters(spki, spki.length - RAW_KEY_LENGTH);
    }
}
