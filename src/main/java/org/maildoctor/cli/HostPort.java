package org.maildoctor.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A host with an optional port: {@code 127.0.0.1}, {@code 127.0.0.1:5353}, {@code [::1]:5353}, {@code ns.example}. */
public record HostPort(String host, int port) {

    public static HostPort parse(String value, int defaultPort) {
        String v = value == null ? "" : value.trim();
        if (v.isEmpty()) {
            throw new TypeConversionException("empty host");
        }
        String host;
        String port = null;
        if (v.startsWith("[")) {
            int close = v.indexOf(']');
            if (close < 0) {
                throw new TypeConversionException("'" + value + "': missing ']' after IPv6 address");
            }
            host = v.substring(1, close);
            String rest = v.substring(close + 1);
            if (rest.startsWith(":")) {
                port = rest.substring(1);
            } else if (!rest.isEmpty()) {
                throw new TypeConversionException("'" + value + "' is not HOST[:PORT]");
            }
        } else if (v.indexOf(':') != v.lastIndexOf(':')) {
            host = v; // a bare IPv6 address
        } else {
            int colon = v.indexOf(':');
            host = colon < 0 ? v : v.substring(0, colon);
            port = colon < 0 ? null : v.substring(colon + 1);
        }
        int p = defaultPort;
        if (port != null) {
            try {
                p = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                p = -1;
            }
            if (p < 1 || p > 65535) {
                throw new TypeConversionException("'" + value + "': port must be 1-65535");
            }
        }
        if (host.isEmpty()) {
            throw new TypeConversionException("'" + value + "': empty host");
        }
        return new HostPort(host, p);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** picocli converter for DNS servers (default port 53). */
    public static final class DnsServer implements ITypeConverter<HostPort> {
        @Override
        public HostPort convert(String value) {
            return parse(value, 53);
        }
    }
}
