package org.maildoctor.auth.spf;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.maildoctor.dns.DnsNames;

/** Address helpers for SPF: literal parsing, prefix matching, the {@code %{i}} and {@code %{c}} forms. */
final class Ips {
    private Ips() {
    }

    /**
     * A client address from text. An IPv4-mapped IPv6 address ({@code ::ffff:192.0.2.1}) is the IPv4
     * address it maps (RFC 7208 5: such clients are evaluated as IPv4; the JDK does the same).
     */
    static Optional<InetAddress> parse(String text) {
        return DnsNames.parseIpLiteral(text);
    }

    /** An {@code ip6:} network literal; IPv4-mapped forms stay IPv6 so the prefix keeps its meaning. */
    static Optional<Inet6Address> parseV6(String text) {
        if (text.indexOf(':') < 0) {
            return Optional.empty();
        }
        Optional<InetAddress> ip = DnsNames.parseIpLiteral(text);
        if (ip.isEmpty()) {
            return Optional.empty();
        }
        byte[] b = ip.get().getAddress();
        if (b.length == 4) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(b, 0, mapped, 12, 4);
            b = mapped;
        }
        try {
            return Optional.of(Inet6Address.getByAddress(null, b, -1));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /**
     * ABNF {@code ip4-network = qnum "." qnum "." qnum "." qnum} with {@code qnum} 0-255 without
     * leading zeros (RFC 7208 5.6).
     */
    static Optional<Inet4Address> parseV4Strict(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')
                    || p.length() > 1 && p.charAt(0) == '0') {
                return Optional.empty();
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return Optional.empty();
            }
            b[i] = (byte) v;
        }
        try {
            return Optional.of((Inet4Address) InetAddress.getByAddress(b));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code ip} lies in {@code network/prefix}; addresses of different families never match. */
    static boolean contains(InetAddress network, int prefix, InetAddress ip) {
        return contains(network, prefix, ip.getAddress());
    }

    /** As above, with the client's address bytes taken once by the caller. */
    static boolean contains(InetAddress network, int prefix, byte[] a) {
        byte[] n = network.getAddress();
        if (n.length != a.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (n[i] != a[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (n[full] & mask) == (a[full] & mask);
    }

    /** {@code %{i}}: dotted quad, or 32 dot-separated nibbles for IPv6 (RFC 7208 7.3). */
    static String dotted(InetAddress ip) {
        if (ip instanceof Inet4Address) {
            return ip.getHostAddress();
        }
        byte[] b = ip.getAddress();
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(Character.forDigit((x >> 4) & 0xf, 16)).append('.');
            sb.append(Character.forDigit(x & 0xf, 16)).append('.');
        }
        return sb.substring(0, sb.length() - 1);
    }

    /** Compressed lower-case IPv6 text (RFC 5952), or the dotted quad: {@code %{c}} and display. */
    static String format(InetAddress ip) {
        if (ip instanceof Inet4Address) {
            return ip.getHostAddress();
        }
        byte[] b = ip.getAddress();
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) {
            w[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (w[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && w[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(w[i]));
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
