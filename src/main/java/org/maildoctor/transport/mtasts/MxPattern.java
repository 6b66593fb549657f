package org.maildoctor.transport.mtasts;

import java.util.Locale;

/**
 * An {@code mx:} value of an MTA-STS policy (RFC 8461 §3.2, §4.1): a host name, or {@code *.} and a
 * name where the wildcard stands for exactly one left-most label.
 */
public record MxPattern(String pattern) {
    public MxPattern {
        pattern = strip(pattern);
    }

    public boolean wildcard() {
        return pattern.startsWith("*.");
    }

    /** Whether the MX host {@code host} (any case, trailing dot optional) is allowed by this pattern. */
    public boolean matches(String host) {
        String h = strip(host);
        if (!wildcard()) {
            return h.equals(pattern);
        }
        String suffix = pattern.substring(1); // ".example.com"
        if (!h.endsWith(suffix)) {
            return false;
        }
        String first = h.substring(0, h.length() - suffix.length());
        return !first.isEmpty() && !first.contains(".");
    }

    private static String strip(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    @Override
    public String toString() {
        return pattern;
    }
}
