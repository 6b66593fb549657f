package org.maildoctor.model;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;

/**
 * Classifies addresses against the IANA IPv4 and IPv6 special-purpose registries. Hand-written
 * because the JDK's {@code isSiteLocalAddress()} and friends miss most of the registry (CGNAT,
 * documentation, benchmarking, ULA, 6to4 relays …) and no small library covers it.
 */
public final class IpRanges {

    private record Range(byte[] prefix, int bits, AddressScope scope) {
        boolean contains(byte[] addr) {
            if (addr.length != prefix.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (addr[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (addr[full] & mask) == (prefix[full] & mask);
        }
    }

    private static final List<Range> V4 = List.of(
            v4("0.0.0.0", 8, AddressScope.UNSPECIFIED),
            v4("10.0.0.0", 8, AddressScope.PRIVATE),
            v4("100.64.0.0", 10, AddressScope.SHARED),
            v4("127.0.0.0", 8, AddressScope.LOOPBACK),
            v4("169.254.0.0", 16, AddressScope.LINK_LOCAL),
            v4("172.16.0.0", 12, AddressScope.PRIVATE),
            v4("192.0.0.0", 24, AddressScope.RESERVED),
            v4("192.0.2.0", 24, AddressScope.DOCUMENTATION),
            v4("192.88.99.0", 24, AddressScope.RESERVED),
            v4("192.168.0.0", 16, AddressScope.PRIVATE),
            v4("198.18.0.0", 15, AddressScope.RESERVED),
            v4("198.51.100.0", 24, AddressScope.DOCUMENTATION),
            v4("203.0.113.0", 24, AddressScope.DOCUMENTATION),
            v4("224.0.0.0", 4, AddressScope.MULTICAST),
            v4("240.0.0.0", 4, AddressScope.RESERVED));

    private static final List<Range> V6 = List.of(
            v6("::", 128, AddressScope.UNSPECIFIED),
            v6("::1", 128, AddressScope.LOOPBACK),
            v6("100::", 64, AddressScope.RESERVED),
            v6("2001:db8::", 32, AddressScope.DOCUMENTATION),
            v6("2001::", 23, AddressScope.RESERVED),
            v6("3fff::", 20, AddressScope.DOCUMENTATION),
            v6("fc00::", 7, AddressScope.PRIVATE),
            v6("fe80::", 10, AddressScope.LINK_LOCAL),
            v6("fec0::", 10, AddressScope.RESERVED),
            v6("ff00::", 8, AddressScope.MULTICAST));

    private IpRanges() {
    }

    public static AddressScope scope(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address && isV4Mapped(b)) {
            byte[] v4 = new byte[] {b[12], b[13], b[14], b[15]};
            return first(V4, v4);
        }
        return first(address instanceof Inet4Address ? V4 : V6, b);
    }

    private static AddressScope first(List<Range> ranges, byte[] b) {
        for (Range r : ranges) {
            if (r.contains(b)) {
                return r.scope();
            }
        }
        return AddressScope.PUBLIC;
    }

    /** {@code ::ffff:a.b.c.d}: the IPv4 address decides. */
    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    private static Range v4(String text, int bits, AddressScope scope) {
        return new Range(literal(text), bits, scope);
    }

    private static Range v6(String text, int bits, AddressScope scope) {
        return new Range(literal(text), bits, scope);
    }

    private static byte[] literal(String text) {
        try {
            // a literal: InetAddress parses it without any lookup
            return InetAddress.getByName(text).getAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
