package org.maildoctor.transport;

import java.net.InetAddress;
import java.util.Objects;

/**
 * One HTTPS GET: the host name (for SNI, certificate name check and the Host header), the address the
 * caller resolved through the shared resolver and accepted under the private-address guard, the port,
 * the path, and the most body bytes worth reading.
 */
public record HttpsTarget(String host, InetAddress address, int port, String path, int maxBytes) {
    public HttpsTarget {
        Objects.requireNonNull(host);
        Objects.requireNonNull(address);
        Objects.requireNonNull(path);
        if (port < 1 || port > 65535 || maxBytes < 1 || !path.startsWith("/")) {
            throw new IllegalArgumentException("bad HTTPS target " + host + ":" + port + path);
        }
    }

    public String url() {
        return "https://" + host + (port == 443 ? "" : ":" + port) + path;
    }
}
