package org.maildoctor.auth.dkim;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

/**
 * The few fixed DER wrappers DKIM needs to hand keys to the JCA: key records may carry a bare PKCS#1
 * RSAPublicKey instead of SubjectPublicKeyInfo, Ed25519 records carry the raw 32-byte key (RFC 8463
 * 4.2), and common private-key files are PKCS#1 or a raw Ed25519 seed.
 */
final class Der {
    private static final byte[] RSA_ALGORITHM_ID = HexFormat.of().parseHex("300d06092a864886f70d0101010500");
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final byte[] ED25519_PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private Der() {
    }

    /** PKCS#1 RSAPublicKey → SubjectPublicKeyInfo. */
    static byte[] rsaSpkiFromPkcs1(byte[] pkcs1) {
        byte[] bitString = new byte[pkcs1.length + 1];
        System.arraycopy(pkcs1, 0, bitString, 1, pkcs1.length);
        return sequence(RSA_ALGORITHM_ID, tlv(0x03, bitString));
    }

    /** PKCS#1 RSAPrivateKey → PKCS#8 PrivateKeyInfo. */
    static byte[] rsaPkcs8FromPkcs1(byte[] pkcs1) {
        return sequence(new byte[] {0x02, 0x01, 0x00}, RSA_ALGORITHM_ID, tlv(0x04, pkcs1));
    }

    static byte[] ed25519Spki(byte[] raw32) {
        return concat(ED25519_SPKI_PREFIX, raw32);
    }

    static byte[] ed25519Pkcs8(byte[] seed32) {
        return concat(ED25519_PKCS8_PREFIX, seed32);
    }

    /** The raw 32-byte public key inside an Ed25519 SubjectPublicKeyInfo. */
    static byte[] ed25519RawFromSpki(byte[] spki) {
        return java.util.Arrays.copyOfRange(spki, spki.length - 32, spki.length);
    }

    private static byte[] sequence(byte[]... parts) {
        return tlv(0x30, concat(parts));
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else if (n < 0x10000) {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n);
        } else {
            out.write(0x83);
            out.write(n >> 16);
            out.write(n >> 8);
            out.write(n);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
