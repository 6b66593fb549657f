package org.maildoctor.auth.dkim;

import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Optional;

/**
 * A usable DKIM key record (RFC 6376 3.6.1), produced by {@link DkimKeyRecordParser}.
 *
 * @param keyType        {@code k=} (default rsa)
 * @param hashAlgorithms {@code h=}; empty means every hash is allowed
 * @param serviceTypes   {@code s=} (default {@code *})
 * @param testing        {@code t=y}: the domain is testing DKIM (RFC 6376 3.6.1: verifiers MUST NOT
 *                       treat such messages differently from unsigned mail; we still report the verdict)
 * @param strict         {@code t=s}: {@code i=} must use exactly {@code d=}, no subdomain
 */
public record DkimKeyRecord(DkimAlgorithm.KeyType keyType, PublicKey publicKey, List<String> hashAlgorithms,
                            List<String> serviceTypes, boolean testing, boolean strict, String text) {
    public DkimKeyRecord {
        hashAlgorithms = List.copyOf(hashAlgorithms);
        serviceTypes = List.copyOf(serviceTypes);
    }

    /** RSA modulus length, or 256 for Ed25519 (its security level is like RSA 3072; graded as good). */
    public int bits() {
        return publicKey instanceof RSAPublicKey rsa ? rsa.getModulus().bitLength() : 256;
    }

    /** Whether {@code h=} allows this algorithm's hash. */
    public boolean allows(DkimAlgorithm algorithm) {
        return hashAlgorithms.isEmpty() || hashAlgorithms.contains(algorithm.hashName());
    }

    public boolean forEmail() {
        return serviceTypes.contains("*") || serviceTypes.contains("email");
    }

    /** Outcome of parsing one key record. */
    public sealed interface Parse {
        record Valid(DkimKeyRecord key) implements Parse {
        }

        /** {@code p=} is empty: the key was revoked (RFC 6376 3.6.1). */
        record Revoked(String text) implements Parse {
        }

        record Invalid(FailureReason reason, String explanation) implements Parse {
        }

        default Optional<DkimKeyRecord> usableKey() {
            return this instanceof Valid v ? Optional.of(v.key()) : Optional.empty();
        }
    }
}
