package org.maildoctor.receiver.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The STARTTLS certificate: a configured PKCS#12 keystore, or a self-signed one generated once into
 * the data directory. Generated with the JDK's own keytool because the JDK has no public API for
 * creating certificates and a TLS receiver for tests does not justify a crypto library.
 */
public final class SelfSignedTls {
    private SelfSignedTls() {
    }

    /** Loads a PKCS#12 keystore into a server SSLContext. */
    public static SSLContext load(Path keystore, char[] password) throws IOException {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot use keystore " + keystore + ": " + e.getMessage(), e);
        }
    }

    /** The keystore at {@code file}, generated (RSA 2048, CN=hostName, 10 years) when missing. */
    public static SSLContext generated(Path file, String hostName) throws IOException {
        char[] password = "maildoctor".toCharArray();
        if (!Files.exists(file)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            Process p = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-keyalg", "RSA", "-keysize",
                    "2048", "-validity", "3650", "-alias", "maildoctor", "-dname", "CN=" + hostName, "-storetype",
                    "PKCS12", "-keystore", tmp.toString(), "-storepass", new String(password), "-keypass",
                    new String(password), "-ext", "SAN=dns:" + hostName)).redirectErrorStream(true).start();
            try {
                String out = new String(p.getInputStream().readAllBytes());
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IOException("keytool could not generate a certificate: " + out.strip());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while generating a certificate", e);
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        return load(file, password);
    }
}
