package org.maildoctor.auth.dkim;

import java.util.Optional;

/** The signing algorithms ({@code a=}) this verifier knows. RFC 6376 3.3, RFC 8463 3, RFC 8301 3.1. */
public enum DkimAlgorithm {
    /** Parsed so it can be rejected with the right reason: RFC 8301 forbids it. */
    RSA_SHA1("rsa-sha1", KeyType.RSA, "sha1", "SHA-1"),
    RSA_SHA256("rsa-sha256", KeyType.RSA, "sha256", "SHA-256"),
    ED25519_SHA256("ed25519-sha256", KeyType.ED25519, "sha256", "SHA-256");

    private final String tagValue;
    private final KeyType keyType;
    private final String hashName;
    private final String jcaDigest;

    DkimAlgorithm(String tagValue, KeyType keyType, String hashName, String jcaDigest) {
        this.tagValue = tagValue;
        this.keyType = keyType;
        this.hashName = hashName;
        this.jcaDigest = jcaDigest;
    }

    public static Optional<DkimAlgorithm> fromTag(String value) {
        for (DkimAlgorithm a : values()) {
            if (a.tagValue.equalsIgnoreCase(value)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** The {@code a=} spelling. */
    public String tagValue() {
        return tagValue;
    }

    public KeyType keyType() {
        return keyType;
    }

    /** The name in a key record's {@code h=} list. */
    public String hashName() {
        return hashName;
    }

    /** The JCA MessageDigest name. */
    public String jcaDigest() {
        return jcaDigest;
    }

    /** Key types of the key record's {@code k=} tag. */
    public enum KeyType {
        RSA("rsa"), ED25519("ed25519");

        private final String tagValue;

        KeyType(String tagValue) {
            this.tagValue = tagValue;
        }

        public String tagValue() {
            return tagValue;
        }

        public static Optional<KeyType> fromTag(String value) {
            for (KeyType k : values()) {
                if (k.tagValue.equalsIgnoreCase(value)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }
}
