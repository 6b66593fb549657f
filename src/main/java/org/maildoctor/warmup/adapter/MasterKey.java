package org.maildoctor.warmup.adapter;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.maildoctor.warmup.account.CredentialCipher;

/**
 * The master key that seals account credentials: from the environment variable
 * {@value #ENV} (base64 of 32 bytes) when set, otherwise from {@code master.key} in the data
 * directory, created on first use with permissions 0600 (created with those permissions, never
 * chmod-ed afterwards, so there is no moment when others can read it).
 */
public final class MasterKey {
    public static final String ENV = "MAILDOCTOR_MASTER_KEY";
    public static final String FILE_NAME = "master.key";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private MasterKey() {
    }

    /** @param env the value of {@value #ENV}, or null */
    public static byte[] load(String env, Path dataDir, SecureRandom random) {
        if (env != null && !env.isBlank()) {
            return decode(env.trim(), ENV);
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                byte[] key = new byte[CredentialCipher.KEY_BYTES];
                random.nextBytes(key);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                    Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
                    return key;
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first: use theirs
                } catch (UnsupportedOperationException notPosix) {
                    throw new IllegalStateException("cannot create " + file + " readable by its owner only on this "
                            + "file system; set " + ENV + " instead");
                }
            }
            return decode(Files.readString(file).trim(), file.toString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the master key " + file + ": " + e.getMessage()
                    + " (or set " + ENV + ")", e);
        }
    }

    private static byte[] decode(String base64, String where) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " is not base64");
        }
        if (key.length != CredentialCipher.KEY_BYTES) {
            throw new IllegalStateException(where + " must hold " + CredentialCipher.KEY_BYTES
                    + " bytes (base64), got " + key.length + "; create one with: openssl rand -base64 32");
        }
        return key;
    }
}
