package org.maildoctor.auth.spf;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * One SPF mechanism (RFC 7208 5), one record per mechanism. {@link #text()} is the canonical
 * spelling (lower-case name, arguments as published).
 */
public sealed interface Mechanism {

    /** The mechanism name as in the RFC: {@code all}, {@code include}, ... */
    String name();

    /** The mechanism as it would be written in a record, without qualifier. */
    String text();

    /** Whether evaluating it costs one of the 10 DNS-querying terms (RFC 7208 4.6.4). */
    default boolean queriesDns() {
        return !(this instanceof All || this instanceof Ip4 || this instanceof Ip6);
    }

    /** {@code all = "all"} (5.1): always matches. */
    record All() implements Mechanism {
        @Override
        public String name() {
            return "all";
        }

        @Override
        public String text() {
            return "all";
        }
    }

    /** {@code include = "include" ":" domain-spec} (5.2): matches when the target's check_host() is pass. */
    record Include(MacroString domain) implements Mechanism {
        @Override
        public String name() {
            return "include";
        }

        @Override
        public String text() {
            return "include:" + domain.source();
        }
    }

    /** {@code A = "a" [ ":" domain-spec ] [ dual-cidr-length ]} (5.3). */
    record A(Optional<MacroString> domain, DualCidr cidr) implements Mechanism {
        @Override
        public String name() {
            return "a";
        }

        @Override
        public String text() {
            return "a" + domain.map(d -> ":" + d.source()).orElse("") + cidr.text();
        }
    }

    /** {@code MX = "mx" [ ":" domain-spec ] [ dual-cidr-length ]} (5.4). */
    record Mx(Optional<MacroString> domain, DualCidr cidr) implements Mechanism {
        @Override
        public String name() {
            return "mx";
        }

        @Override
        public String text() {
            return "mx" + domain.map(d -> ":" + d.source()).orElse("") + cidr.text();
        }
    }

    /** {@code PTR = "ptr" [ ":" domain-spec ]} (5.5); deprecated: "SHOULD NOT be published". */
    record Ptr(Optional<MacroString> domain) implements Mechanism {
        @Override
        public String name() {
            return "ptr";
        }

        @Override
        public String text() {
            return "ptr" + domain.map(d -> ":" + d.source()).orElse("");
        }
    }

    /** {@code IP4 = "ip4" ":" ip4-network [ ip4-cidr-length ]} (5.6). */
    record Ip4(Inet4Address network, int prefix) implements Mechanism {
        public Ip4 {
            if (prefix < 0 || prefix > 32) {
                throw new IllegalArgumentException("IPv4 prefix " + prefix);
            }
        }

        @Override
        public String name() {
            return "ip4";
        }

        @Override
        public String text() {
            return "ip4:" + network.getHostAddress() + (prefix == 32 ? "" : "/" + prefix);
        }
    }

    /** {@code IP6 = "ip6" ":" ip6-network [ ip6-cidr-length ]} (5.6). */
    record Ip6(Inet6Address network, int prefix) implements Mechanism {
        public Ip6 {
            if (prefix < 0 || prefix > 128) {
                throw new IllegalArgumentException("IPv6 prefix " + prefix);
            }
        }

        @Override
        public String name() {
            return "ip6";
        }

        @Override
        public String text() {
            return "ip6:" + Ips.format(network) + (prefix == 128 ? "" : "/" + prefix);
        }
    }

    /** {@code exists = "exists" ":" domain-spec} (5.7): matches when an A lookup answers. */
    record Exists(MacroString domain) implements Mechanism {
        @Override
        public String name() {
            return "exists";
        }

        @Override
        public String text() {
            return "exists:" + domain.source();
        }
    }

    /**
     * {@code dual-cidr-length = [ ip4-cidr-length ] [ "/" ip6-cidr-length ]} (5.6): the prefix applied
     * to IPv4 and to IPv6 answers of {@code a} and {@code mx}.
     */
    record DualCidr(int v4, int v6) {
        public static final DualCidr FULL = new DualCidr(32, 128);

        public DualCidr {
            if (v4 < 0 || v4 > 32 || v6 < 0 || v6 > 128) {
                throw new IllegalArgumentException("prefix out of range: /" + v4 + "//" + v6);
            }
        }

        String text() {
            return (v4 == 32 ? "" : "/" + v4) + (v6 == 128 ? "" : "//" + v6);
        }

        int prefixFor(InetAddress ip) {
            return ip instanceof Inet4Address ? v4 : v6;
        }
    }
}
