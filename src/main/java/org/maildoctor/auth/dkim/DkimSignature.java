package org.maildoctor.auth.dkim;

import java.util.List;
import java.util.OptionalLong;

/**
 * A syntactically valid DKIM-Signature (RFC 6376 3.5), produced by {@link DkimSignatureParser}.
 *
 * @param domain          {@code d=}, lower case
 * @param selector        {@code s=}
 * @param signedHeaders   {@code h=} in order, lower case, duplicates kept (over-signing)
 * @param identity        {@code i=} decoded from dkim-quoted-printable; {@code @d} when absent (3.5)
 * @param bodyLength      {@code l=}
 * @param timestamp       {@code t=} in seconds since the epoch
 * @param expiration      {@code x=} in seconds since the epoch
 * @param field           the DKIM-Signature header field as it appears in the message
 */
public record DkimSignature(DkimAlgorithm algorithm, byte[] signature, byte[] bodyHash,
                            Canonicalization headerCanonicalization, Canonicalization bodyCanonicalization,
                            String domain, String selector, List<String> signedHeaders, String identity,
                            OptionalLong bodyLength, OptionalLong timestamp, OptionalLong expiration,
                            HeaderField field) {
    public DkimSignature {
        signature = signature.clone();
        bodyHash = bodyHash.clone();
        signedHeaders = List.copyOf(signedHeaders);
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public byte[] bodyHash() {
        return bodyHash.clone();
    }

    /** The domain part of {@code i=}. */
    public String identityDomain() {
        int at = identity.lastIndexOf('@');
        return DkimSignatureParser.asciiLower(identity.substring(at + 1));
    }

    /**
     * The DNS name of the key record: {@code s._domainkey.d} (RFC 6376 3.6.2.1). Header bytes are held
     * as ISO-8859-1 characters; a non-ASCII d= or s= is UTF-8 (RFC 8616 3.2), so it is decoded before
     * the resolver turns it into A-labels.
     */
    public String keyName() {
        return keyName(selector, domain);
    }

    /** {@code selector._domainkey.domain}, for any signature that uses DKIM keys (also ARC-Seal, RFC 8617 4.1.3). */
    public static String keyName(String selector, String domain) {
        String name = selector + "._domainkey." + domain;
        boolean ascii = true;
        for (int i = 0; i < name.length() && ascii; i++) {
            ascii = name.charAt(i) < 0x80;
        }
        if (ascii) {
            return name;
        }
        return new String(name.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                java.nio.charset.StandardCharsets.UTF_8);
    }
}
