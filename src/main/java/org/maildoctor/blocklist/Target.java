package org.maildoctor.blocklist;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;
import java.util.regex.Pattern;
import org.maildoctor.dns.DnsNameException;
import org.maildoctor.dns.DnsNames;

/** What is looked up in the lists: an IP address or a domain name, with the query-name rules of RFC 5782. */
public sealed interface Target {
    /** As the user will read it: {@code 192.0.2.1}, {@code 2001:db8::1}, {@code example.com}. */
    String text();

    /** The part before the list's zone: reversed octets (§2.1), reversed nibbles (§2.4) or the domain (§3.1). */
    String key();

    default String queryName(Blocklist list) {
        return key() + "." + list.zone();
    }

    record Ip(InetAddress address) implements Target {
        public Ip {
            Objects.requireNonNull(address);
        }

        public boolean isV6() {
            return address instanceof Inet6Address;
        }

        @Override
        public String text() {
            return address.getHostAddress();
        }

        @Override
        public String key() {
            return DnsNames.reverseLabels(address);
        }
    }

    /** {@code name} in normalised form (A-labels, lower case, no trailing dot). */
    record Domain(String name) implements Target {
        private static final Pattern LDH_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
        private static final Pattern DIGITS = Pattern.compile("[0-9]+");

        public Domain {
            String n = DnsNames.normalize(name);
            String[] labels = n.split("\\.");
            for (String label : labels) {
                if (!LDH_LABEL.matcher(label).matches()) {
                    throw new DnsNameException(name, "not a domain name: labels may contain only letters, digits "
                            + "and inner hyphens");
                }
            }
            if (labels.length < 2) {
                throw new DnsNameException(name, "not a domain name: a top-level domain alone is never listed");
            }
            if (DIGITS.matcher(labels[labels.length - 1]).matches()) {
                throw new DnsNameException(name, "neither an IP address nor a domain name (a top-level domain is "
                        + "never all digits, RFC 3696 §2)");
            }
            name = n;
        }

        @Override
        public String text() {
            return name;
        }

        @Override
        public String key() {
            return name;
        }
    }

    /**
     * Parses what a user typed: an IPv4 or IPv6 literal, else a domain (trailing dot, upper case
     * and IDN accepted).
     *
     * @throws IllegalArgumentException with a message fit for the user
     */
    static Target parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("give an IP address or a domain name");
        }
        var ip = DnsNames.parseIpLiteral(text);
        if (ip.isPresent()) {
            return new Ip(ip.get());
        }
        try {
            return new Domain(text);
        } catch (DnsNameException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The RFC 5782 §5 probe key for a list: IPv4 probes as given, IPv6 as ::FFFF:a.b.c.d nibbles, domains as names. */
    static String probeKey(String point, Target target) {
        var ip = DnsNames.parseIpLiteral(point);
        if (ip.isEmpty()) {
            return DnsNames.normalize(point);
        }
        if (target instanceof Ip t && t.isV6() && ip.get() instanceof Inet4Address v4) {
            // Java turns ::ffff:a.b.c.d into an Inet4Address, so the mapped form is built by hand
            byte[] b = new byte[16];
            b[10] = (byte) 0xff;
            b[11] = (byte) 0xff;
            System.arraycopy(v4.getAddress(), 0, b, 12, 4);
            StringBuilder sb = new StringBuilder();
            for (int i = 15; i >= 0; i--) {
                sb.append(Character.forDigit(b[i] & 0x0f, 16)).append('.')
                        .append(Character.forDigit((b[i] >> 4) & 0x0f, 16)).append('.');
            }
            return sb.substring(0, sb.length() - 1);
        }
        return DnsNames.reverseLabels(ip.get());
    }
}
