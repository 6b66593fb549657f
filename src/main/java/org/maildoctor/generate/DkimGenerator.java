package org.maildoctor.generate;

import org.maildoctor.auth.dkim.DkimAlgorithm;
import org.maildoctor.auth.dkim.DkimKeyGenerator;
import org.maildoctor.auth.dkim.GeneratedDkimKey;

/**
 * A DKIM key pair and its TXT record in 255-octet strings: the existing {@link DkimKeyGenerator}
 * (RSA 2048 by default, or Ed25519), offered here beside the other generators.
 */
public final class DkimGenerator {
    private final DkimKeyGenerator keys;

    public DkimGenerator(DkimKeyGenerator keys) {
        this.keys = keys;
    }

    public DkimGenerator() {
        this(new DkimKeyGenerator());
    }

    /** @throws IllegalArgumentException for a bad domain, selector or key size */
    public GeneratedDkimKey generate(String domain, String selector, DkimAlgorithm.KeyType type) {
        return keys.generate(domain.strip(), selector.strip(), type, DkimKeyGenerator.DEFAULT_RSA_BITS);
    }

    public static TxtRecord txt(GeneratedDkimKey key) {
        return new TxtRecord(key.dnsName(), key.recordText(), key.recordStrings());
    }
}
