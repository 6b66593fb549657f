package org.maildoctor.auth.dkim;

/** How a published key rates (RFC 8301 3.2): RSA under 1024 bits FAIL, 1024 WARN, 2048+ and Ed25519 GOOD. */
public enum KeyGrade {
    GOOD, WARN, FAIL;

    public static KeyGrade of(DkimAlgorithm.KeyType type, int bits) {
        if (type == DkimAlgorithm.KeyType.ED25519) {
            return GOOD;
        }
        return bits < 1024 ? FAIL : bits < 2048 ? WARN : GOOD;
    }
}
