package org.maildoctor.warmup.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The master key: from the environment, or a key file created once with 0600. */
class MasterKeyTest {
    @TempDir
    Path dir;

    @Test
    void keyFileIsCreatedOwnerOnlyAndReused() throws Exception {
        byte[] first = MasterKey.load(null, dir.resolve("data"), new SecureRandom());
        Path file = dir.resolve("data").resolve(MasterKey.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(first).hasSize(32);
        assertThat(MasterKey.load("", dir.resolve("data"), new SecureRandom())).isEqualTo(first);
    }

    @Test
    void environmentWinsAndIsChecked() {
        byte[] k = new byte[32];
        k[0] = 42;
        assertThat(MasterKey.load(Base64.getEncoder().encodeToString(k), dir, new SecureRandom())).isEqualTo(k);
        assertThat(dir.resolve(MasterKey.FILE_NAME)).doesNotExist();
        assertThatThrownBy(() -> MasterKey.load(Base64.getEncoder().encodeToString(new byte[5]), dir, new SecureRandom()))
                .hasMessageContaining("must hold 32 bytes").hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> MasterKey.load("***", dir, new SecureRandom())).hasMessageContaining("not base64");
    }
}
