package org.maildoctor.auth.dkim;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;

/**
 * Digest and signature engines reused per thread. {@code getInstance} walks the provider list on
 * every call, and for the corpus's ~1 KB messages that lookup was a visible share of a verification
 * (bench/RESULTS.md, 2026-12-06 dkim-speed). Both objects are reset by the calls that use them
 * ({@code digest}, {@code initVerify}), so reuse carries no state from one message to the next.
 */
final class JcaInstances {
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> newDigest("SHA-256"));
    private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(() -> newDigest("SHA-1"));
    private static final ThreadLocal<Signature> SHA256_RSA = ThreadLocal.withInitial(() -> newSignature("SHA256withRSA"));
    private static final ThreadLocal<Signature> SHA1_RSA = ThreadLocal.withInitial(() -> newSignature("SHA1withRSA"));

    private JcaInstances() {
    }

    /** A reset digest engine for a JCA name ("SHA-256" or "SHA-1"; any other gets a fresh instance). */
    static MessageDigest digest(String jcaName) throws NoSuchAlgorithmException {
        MessageDigest md = switch (jcaName) {
            case "SHA-256" -> SHA256.get();
            case "SHA-1" -> SHA1.get();
            default -> MessageDigest.getInstance(jcaName);
        };
        md.reset();
        return md;
    }

    /** This thread's SHA256withRSA or SHA1withRSA verifier; the caller must {@code initVerify} it. */
    static Signature rsa(boolean sha256) {
        return sha256 ? SHA256_RSA.get() : SHA1_RSA.get();
    }

    private static MessageDigest newDigest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + name, e);
        }
    }

    private static Signature newSignature(String name) {
        try {
            return Signature.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + name, e);
        }
    }
}
