package org.maildoctor.transport.bimi;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

/**
 * The mark certificate file at a BIMI {@code a=} URL: PEM X.509 certificates, leaf first. Only presence,
 * form and validity dates are checked here; the mark-verifying chain is the receiver's job.
 */
public final class MarkCertificate {
    private MarkCertificate() {
    }

    public sealed interface Reading {
        record Certificates(List<X509Certificate> chain, boolean leafCurrent) implements Reading {
            public Certificates {
                chain = List.copyOf(chain);
            }

            public X509Certificate leaf() {
                return chain.getFirst();
            }
        }

        record Unreadable(String reason) implements Reading {
        }
    }

    public static Reading read(byte[] pem, Clock clock) {
        try {
            Collection<? extends java.security.cert.Certificate> certs = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem));
            List<X509Certificate> chain = certs.stream().filter(X509Certificate.class::isInstance)
                    .map(X509Certificate.class::cast).toList();
            if (chain.isEmpty()) {
                return new Reading.Unreadable("no X.509 certificate in the file");
            }
            java.time.Instant now = clock.instant();
            X509Certificate leaf = chain.getFirst();
            boolean current = !now.isBefore(leaf.getNotBefore().toInstant()) && !now.isAfter(leaf.getNotAfter().toInstant());
            return new Reading.Certificates(chain, current);
        } catch (CertificateException | RuntimeException e) {
            return new Reading.Unreadable("not a PEM certificate file (" + e.getMessage() + ")");
        }
    }
}
