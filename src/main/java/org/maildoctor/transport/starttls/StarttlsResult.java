package org.maildoctor.transport.starttls;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/** What one STARTTLS probe of one MX address found, stage by stage. */
public sealed interface StarttlsResult {

    /** No TCP connection (refused, no route) or no banner within the timeout. */
    record Unreachable(String reason) implements StarttlsResult {
    }

    /**
     * The server spoke SMTP.
     *
     * @param banner    the greeting lines (a 220 reply, else the server refused service)
     * @param ehlo      the EHLO reply lines after the code, first line is the server's name; empty if EHLO failed
     * @param tls       what became of STARTTLS
     */
    record Connected(List<String> banner, int bannerCode, List<String> ehlo, Tls tls) implements StarttlsResult {
        public Connected {
            banner = List.copyOf(banner);
            ehlo = List.copyOf(ehlo);
        }

        public EhloExtensions extensions() {
            return EhloExtensions.parse(ehlo);
        }
    }

    /** The TLS stage. */
    sealed interface Tls {
    }

    /** EHLO did not offer STARTTLS (or the session ended before it). */
    record NotOffered(String detail) implements Tls {
    }

    /** STARTTLS was answered with something other than 220. */
    record Rejected(String reply) implements Tls {
    }

    /** The handshake did not complete (protocol mismatch, reset, timeout). */
    record HandshakeFailed(String reason) implements Tls {
    }

    /**
     * The handshake completed. {@code chain} is the server's certificate chain, leaf first; {@code trust}
     * is whether it leads to a trusted root (names are checked apart, in {@link CertificateCheck}).
     */
    record Negotiated(String protocol, String cipherSuite, List<X509Certificate> chain, ChainTrust trust,
                      Optional<String> ehloAfterTls) implements Tls {
        public Negotiated {
            chain = List.copyOf(chain);
        }
    }

    /** Whether the chain validated against the trust anchors, and why not. */
    record ChainTrust(boolean trusted, String detail) {
    }
}
