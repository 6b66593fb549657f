package org.maildoctor.warmup.account;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals account secrets with AES-256-GCM (the JDK's provider; no hand-written crypto). Each seal
 * has a fresh 96-bit nonce; the account's address is the associated data, so a ciphertext copied
 * to another account's row fails to open instead of authenticating someone else.
 * Stored form: {@code v1:} + base64(nonce ‖ ciphertext ‖ tag).
 */
public final class CredentialCipher {
    public static final int KEY_BYTES = 32;
    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random;

    public CredentialCipher(byte[] masterKey, SecureRandom random) {
        if (masterKey.length != KEY_BYTES) {
            throw new IllegalArgumentException("the master key must be " + KEY_BYTES + " bytes, got " + masterKey.length);
        }
        this.key = new SecretKeySpec(masterKey.clone(), "AES");
        this.random = random;
    }

    public String seal(Secret secret, String boundTo) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        char[] chars = secret.reveal();
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] plain = new byte[encoded.remaining()];
        encoded.get(plain);
        Arrays.fill(chars, '\0');
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(plain);
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** Throws {@link CredentialException} when the key is wrong or the stored value was altered. */
    public Secret open(String stored, String boundTo) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new CredentialException("stored credential is not in a known format");
        }
        byte[] all;
        try {
            all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new CredentialException("stored credential is corrupt");
        }
        if (all.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new CredentialException("stored credential is corrupt");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            c.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            byte[] plain = c.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
            CharBuffer decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(plain));
            Arrays.fill(plain, (byte) 0);
            char[] chars = new char[decoded.remaining()];
            decoded.get(chars);
            Arrays.fill(decoded.array(), '\0');
            Secret s = new Secret(chars);
            Arrays.fill(chars, '\0');
            return s;
        } catch (javax.crypto.AEADBadTagException e) {
            throw new CredentialException("cannot decrypt the stored credential of " + boundTo
                    + ": wrong master key (MAILDOCTOR_MASTER_KEY or the key file changed?) or the row was altered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }
}
