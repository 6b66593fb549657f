package org.maildoctor.warmup.account;

import java.util.Objects;

/** A mail server to connect to. */
public record Endpoint(String host, int port, TlsMode tls) {
    public Endpoint {
        Objects.requireNonNull(tls, "tls");
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("server host must not be empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1-65535, got " + port);
        }
        host = host.trim();
    }

    /** {@code host:port}; the port may be left out when {@code defaultPort} applies. */
    public static Endpoint parse(String text, int defaultPort, TlsMode tls) {
        String t = text.trim();
        int colon = t.lastIndexOf(':');
        if (colon > 0 && t.indexOf(':') == colon) {
            try {
                return new Endpoint(t.substring(0, colon), Integer.parseInt(t.substring(colon + 1)), tls);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not host:port: '" + text + "'");
            }
        }
        return new Endpoint(t, defaultPort, tls);
    }

    @Override
    public String toString() {
        return host + ":" + port + " (" + tls.key() + ")";
    }
}
