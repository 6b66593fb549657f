package org.maildoctor.warmup.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** AES-GCM sealing: round trip, fresh nonces, and clear failures for a wrong key, another account or tampering. */
class CredentialCipherTest {
    private static byte[] key(int fill) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) fill);
        return k;
    }

    private final CredentialCipher cipher = new CredentialCipher(key(7), new SecureRandom());

    @Test
    void sealsAndOpens() {
        String sealed = cipher.seal(new Secret("hunter2-äöü".toCharArray()), "a@example.org");
        assertThat(sealed).startsWith("v1:").doesNotContain("hunter2");
        assertThat(new String(cipher.open(sealed, "a@example.org").reveal())).isEqualTo("hunter2-äöü");
        assertThat(cipher.seal(new Secret("hunter2".toCharArray()), "a@example.org"))
                .as("fresh nonce each time").isNotEqualTo(cipher.seal(new Secret("hunter2".toCharArray()), "a@example.org"));
    }

    @Test
    void wrongKeyOtherAccountOrTamperingFailToOpen() {
        String sealed = cipher.seal(new Secret("hunter2".toCharArray()), "a@example.org");
        assertThatThrownBy(() -> new CredentialCipher(key(8), new SecureRandom()).open(sealed, "a@example.org"))
                .isInstanceOf(CredentialException.class).hasMessageContaining("wrong master key")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> cipher.open(sealed, "b@example.org")).isInstanceOf(CredentialException.class);
        char[] chars = sealed.toCharArray();
        chars[10] = chars[10] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> cipher.open(new String(chars), "a@example.org")).isInstanceOf(CredentialException.class);
        assertThatThrownBy(() -> cipher.open("plain", "a@example.org")).hasMessageContaining("not in a known format");
        assertThatThrownBy(() -> new CredentialCipher(new byte[16], new SecureRandom()))
                .hasMessageContaining("32 bytes");
    }

    @Test
    void secretNeverPrintsItsValue() {
        Secret s = new Secret("hunter2".toCharArray());
        assertThat(s.toString()).isEqualTo("Secret[***]");
        s.wipe();
        assertThat(new String(s.reveal())).doesNotContain("hunter2");
    }
}
