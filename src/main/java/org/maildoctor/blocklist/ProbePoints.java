package org.maildoctor.blocklist;

import java.util.Objects;

/**
 * The sanity probe of a list: a key that must be listed and one that must not be. RFC 5782 §5
 * requires 127.0.0.2 / 127.0.0.1 of IPv4 lists, ::FFFF:7F00:2 / ::FFFF:7F00:1 of IPv6 lists and
 * "test" / "invalid" of domain lists; some domain lists document their own test point
 * (Spamhaus DBL: dbltest.com, URIBL: test.uribl.com).
 *
 * @param listed IPv4 address or domain that must be listed (IPv6 probes derive from it)
 * @param clean  IPv4 address or domain that must not be listed
 */
public record ProbePoints(String listed, String clean) {
    public static final ProbePoints RFC5782_IP = new ProbePoints("127.0.0.2", "127.0.0.1");
    public static final ProbePoints RFC5782_DOMAIN = new ProbePoints("test", "invalid");

    public ProbePoints {
        Objects.requireNonNull(listed);
        Objects.requireNonNull(clean);
    }

    public static ProbePoints defaultFor(ListKind kind) {
        return kind == ListKind.IP ? RFC5782_IP : RFC5782_DOMAIN;
    }
}
