package org.maildoctor.auth.dkim;

import java.security.PrivateKey;
import java.util.Locale;
import java.util.Objects;

/**
 * Who signs and with what: {@code d=}, {@code s=} and the private key. The algorithm follows the key:
 * RSA keys sign rsa-sha256 (RFC 8301: never rsa-sha1), Ed25519 keys ed25519-sha256 (RFC 8463).
 */
public record DkimSigningKey(String domain, String selector, PrivateKey privateKey) {
    public DkimSigningKey {
        Objects.requireNonNull(privateKey);
        domain = domain.toLowerCase(Locale.ROOT);
        if (!DkimSignatureParser.isDomain(domain) || !DkimSignatureParser.isDomain(selector)) {
            throw new IllegalArgumentException("not a domain / selector: " + domain + " / " + selector);
        }
    }

    public DkimAlgorithm algorithm() {
        return switch (privateKey.getAlgorithm()) {
            case "RSA" -> DkimAlgorithm.RSA_SHA256;
            case "Ed25519", "EdDSA" -> DkimAlgorithm.ED25519_SHA256;
            default -> throw new IllegalArgumentException("unsupported key algorithm " + privateKey.getAlgorithm());
        };
    }
}
