package org.maildoctor.auth.dkim;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads DKIM private keys in the forms signers are given: PEM "PRIVATE KEY" (PKCS#8, RSA or Ed25519),
 * PEM "RSA PRIVATE KEY" (PKCS#1, as OpenDKIM's opendkim-genkey writes), or a bare base64 32-byte
 * Ed25519 seed (as dkimpy and RFC 8463's examples store it).
 */
public final class DkimPrivateKeys {
    private DkimPrivateKeys() {
    }

    /** The key, or empty if the text is none of the supported forms. */
    public static Optional<PrivateKey> parse(String text) {
        try {
            if (text.contains("-----BEGIN RSA PRIVATE KEY-----")) {
                byte[] pkcs1 = pemBody(text, "RSA PRIVATE KEY");
                return Optional.of(KeyFactory.getInstance("RSA").generatePrivate(
                        new PKCS8EncodedKeySpec(Der.rsaPkcs8FromPkcs1(pkcs1))));
            }
            if (text.contains("-----BEGIN PRIVATE KEY-----")) {
                PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(pemBody(text, "PRIVATE KEY"));
                for (String alg : new String[] {"RSA", "Ed25519"}) {
                    try {
                        return Optional.of(KeyFactory.getInstance(alg).generatePrivate(spec));
                    } catch (GeneralSecurityException notThisType) {
                        // try the next
                    }
                }
                return Optional.empty();
            }
            byte[] raw = Base64.getDecoder().decode(TagList.removeFws(text));
            if (raw.length == 32) {
                return Optional.of(KeyFactory.getInstance("Ed25519").generatePrivate(
                        new PKCS8EncodedKeySpec(Der.ed25519Pkcs8(raw))));
            }
            return Optional.empty();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** PEM "PRIVATE KEY" (PKCS#8) text of a key, lines of 64 characters. */
    public static String pem(PrivateKey key) {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + b64 + "\n-----END PRIVATE KEY-----\n";
    }

    private static byte[] pemBody(String text, String label) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int a = text.indexOf(begin);
        int b = text.indexOf(end, a);
        if (a < 0 || b < 0) {
            throw new IllegalArgumentException("no " + label + " block");
        }
        return Base64.getMimeDecoder().decode(text.substring(a + begin.length(), b));
    }
}
