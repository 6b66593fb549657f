package org.maildoctor.transport.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The certificates HTTPS fetches and STARTTLS chain checks trust: the JDK's default roots, or only the
 * CA certificates of a PEM file ({@code --ca-file}, like curl's {@code --cacert}; tests use the harness CA).
 */
public final class TrustAnchors {
    private final X509TrustManager trustManager;
    private final String description;

    private TrustAnchors(X509TrustManager trustManager, String description) {
        this.trustManager = trustManager;
        this.description = description;
    }

    public static TrustAnchors system() {
        return new TrustAnchors(manager(null), "the JDK's default trust store");
    }

    /**
     * @throws IllegalArgumentException with a message fit for the user when the file is unreadable or holds no certificate
     */
    public static TrustAnchors fromPemFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new IllegalArgumentException(file + " holds no PEM certificate");
            }
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                ks.setCertificateEntry("ca" + i++, c);
            }
            return new TrustAnchors(manager(ks), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read CA file " + file + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("CA file " + file + " is not PEM certificates: " + e.getMessage(), e);
        }
    }

    public static TrustAnchors of(Optional<Path> caFile) {
        return caFile.map(TrustAnchors::fromPemFile).orElseGet(TrustAnchors::system);
    }

    public X509TrustManager trustManager() {
        return trustManager;
    }

    public String description() {
        return description;
    }

    /** A TLS context that validates against these anchors. */
    public SSLContext context() {
        return context(trustManager);
    }

    static SSLContext context(TrustManager tm) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {tm}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS in this JDK", e);
        }
    }

    /** Validates a chain (no name check): the empty string when trusted, else why not. */
    public Optional<String> distrust(X509Certificate[] chain) {
        try {
            trustManager.checkServerTrusted(chain, "UNKNOWN");
            return Optional.empty();
        } catch (java.security.cert.CertificateException e) {
            return Optional.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private static X509TrustManager manager(KeyStore ks) {
        try {
            TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            f.init(ks);
            for (TrustManager tm : f.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    return x;
                }
            }
            throw new IllegalStateException("no X509TrustManager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a trust manager", e);
        }
    }
}
