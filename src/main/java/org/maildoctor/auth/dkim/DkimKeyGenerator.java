package org.maildoctor.auth.dkim;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Generates DKIM key pairs and the TXT record to publish: RSA (2048 bits by default; RFC 8301 3.2
 * says at least 1024, and 2048 is what receivers grade as good) or Ed25519 (RFC 8463).
 */
public final class DkimKeyGenerator {
    public static final int DEFAULT_RSA_BITS = 2048;
    private final SecureRandom random;

    public DkimKeyGenerator(SecureRandom random) {
        this.random = random;
    }

    public DkimKeyGenerator() {
        this(new SecureRandom());
    }

    /**
     * @param bits RSA modulus size (1024–4096; ignored for Ed25519)
     * @throws IllegalArgumentException for a bad domain, selector or size
     */
    public GeneratedDkimKey generate(String domain, String selector, DkimAlgorithm.KeyType type, int bits) {
        String d = domain.toLowerCase(Locale.ROOT);
        if (!DkimSignatureParser.isDomain(d) || !DkimSignatureParser.isDomain(selector)) {
            throw new IllegalArgumentException("not a domain / selector: " + domain + " / " + selector);
        }
        if (type == DkimAlgorithm.KeyType.RSA && (bits < 1024 || bits > 4096)) {
            throw new IllegalArgumentException("RSA keys must have 1024 to 4096 bits (RFC 8301 3.2), not " + bits);
        }
        try {
            KeyPair pair;
            String p;
            int size;
            if (type == DkimAlgorithm.KeyType.RSA) {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(bits, random);
                pair = g.generateKeyPair();
                p = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()); // SubjectPublicKeyInfo
                size = ((RSAPublicKey) pair.getPublic()).getModulus().bitLength();
            } else {
                KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
                g.initialize(255, random);
                pair = g.generateKeyPair();
                // RFC 8463 4.2: p= is the raw 32-byte public key, not SubjectPublicKeyInfo
                p = Base64.getEncoder().encodeToString(Der.ed25519RawFromSpki(pair.getPublic().getEncoded()));
                size = 256;
            }
            String record = "v=DKIM1; k=" + type.tagValue() + "; p=" + p;
            return new GeneratedDkimKey(d, selector, type, size, selector + "._domainkey." + d, record, split(record),
                    DkimPrivateKeys.pem(pair.getPrivate()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate " + type + " keys", e);
        }
    }

    /** Character-strings of at most 255 octets; DKIM joins them without separator (RFC 6376 3.6.2.2). */
    static List<String> split(String record) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < record.length(); i += 255) {
            out.add(record.substring(i, Math.min(record.length(), i + 255)));
        }
        return out;
    }
}
