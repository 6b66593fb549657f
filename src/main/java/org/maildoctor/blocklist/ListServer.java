package org.maildoctor.blocklist;

/**
 * A DNS server that answers one list's zone itself (a local rbldnsd, a mirror), asked instead of
 * the shared resolver. Given by the user's catalogue, never by outside data.
 */
public record ListServer(String host, int port) {
    public ListServer {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("server: empty host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("server: port must be 1-65535, got " + port);
        }
    }

    /** {@code HOST:PORT}, {@code [v6]:PORT}, or a host alone (port 53). */
    public static ListServer parse(String text) {
        String s = text == null ? "" : text.strip();
        String host = s;
        int port = 53;
        int colon = s.lastIndexOf(':');
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("server '" + text + "': missing ']'");
            }
            host = s.substring(1, close);
            if (close + 1 < s.length()) {
                port = port(text, s.substring(close + 1).replaceFirst("^:", ""));
            }
        } else if (colon > 0 && s.indexOf(':') == colon) {
            host = s.substring(0, colon);
            port = port(text, s.substring(colon + 1));
        }
        return new ListServer(host, port);
    }

    private static int port(String text, String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("server '" + text + "': port is not a number");
        }
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
