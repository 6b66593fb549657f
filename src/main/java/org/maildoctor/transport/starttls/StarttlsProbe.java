package org.maildoctor.transport.starttls;

import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;

/**
 * The SMTP port of the STARTTLS check: connect to one MX address, read the banner, EHLO, STARTTLS,
 * complete a TLS handshake whatever the certificate, and report what happened. The future never
 * completes exceptionally for network reasons.
 *
 * @see StarttlsResult
 */
public interface StarttlsProbe {
    CompletableFuture<StarttlsResult> probe(String mxHost, InetAddress address, int port);
}
