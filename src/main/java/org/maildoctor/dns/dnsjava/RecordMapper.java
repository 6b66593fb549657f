package org.maildoctor.dns.dnsjava;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.maildoctor.dns.DnsRecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.TLSARecord;
import org.xbill.DNS.SPFRecord;
import org.xbill.DNS.TXTRecord;

/** dnsjava records → the port's typed records. */
final class RecordMapper {
    private RecordMapper() {
    }

    /** A dnsjava name in the port's form: lower case, no trailing dot, root as ".". */
    static String name(Name n) {
        if (n.equals(Name.root)) {
            return ".";
        }
        return unescape(n.toString(true)).toLowerCase(Locale.ROOT);
    }

    /**
     * Undoes dnsjava's master-file escapes ({@code \032} for a space, {@code \.} …) so names in the
     * port are plain text; {@link DnsjavaResolver} escapes again when it builds a query name.
     */
    static String unescape(String presentation) {
        if (presentation.indexOf('\\') < 0) {
            return presentation;
        }
        StringBuilder sb = new StringBuilder(presentation.length());
        int i = 0;
        while (i < presentation.length()) {
            char c = presentation.charAt(i);
            if (c != '\\' || i + 1 >= presentation.length()) {
                sb.append(c);
                i++;
            } else if (i + 3 < presentation.length() && isDigits(presentation, i + 1, i + 4)) {
                sb.append((char) Integer.parseInt(presentation.substring(i + 1, i + 4)));
                i += 4;
            } else {
                sb.append(presentation.charAt(i + 1));
                i += 2;
            }
        }
        return sb.toString();
    }

    private static boolean isDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The typed record, or empty for a type the port does not model. */
    static Optional<DnsRecord> map(Record r) {
        String owner = name(r.getName());
        long ttl = r.getTTL();
        DnsRecord mapped = switch (r) {
            case ARecord a -> new DnsRecord.A(owner, ttl, (Inet4Address) a.getAddress());
            case AAAARecord a -> new DnsRecord.Aaaa(owner, ttl, inet6(a));
            case MXRecord mx -> new DnsRecord.Mx(owner, ttl, mx.getPriority(), name(mx.getTarget()));
            case TXTRecord txt -> DnsRecord.Txt.of(owner, ttl, strings(txt.getStringsAsByteArrays()));
            case SPFRecord spf -> {
                List<String> strings = strings(spf.getStringsAsByteArrays());
                yield new DnsRecord.Spf(owner, ttl, String.join("", strings), strings);
            }
            case PTRRecord ptr -> new DnsRecord.Ptr(owner, ttl, name(ptr.getTarget()));
            case CNAMERecord c -> new DnsRecord.Cname(owner, ttl, name(c.getTarget()));
            case NSRecord ns -> new DnsRecord.Ns(owner, ttl, name(ns.getTarget()));
            case SOARecord soa -> soa(soa);
            case TLSARecord t -> new DnsRecord.Tlsa(owner, ttl, t.getCertificateUsage(), t.getSelector(),
                    t.getMatchingType(), HexFormat.of().formatHex(t.getCertificateAssociationData()));
            default -> null;
        };
        return Optional.ofNullable(mapped);
    }

    static DnsRecord.Soa soa(SOARecord soa) {
        return new DnsRecord.Soa(name(soa.getName()), soa.getTTL(), name(soa.getHost()), name(soa.getAdmin()),
                soa.getSerial(), soa.getRefresh(), soa.getRetry(), soa.getExpire(), soa.getMinimum());
    }

    // TXT is bytes; SPF and DKIM are ASCII, and other TXT content in the wild is mostly UTF-8, so
    // decode as UTF-8 (invalid bytes become U+FFFD rather than failing the lookup).
    private static List<String> strings(List<byte[]> raw) {
        return raw.stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
    }

    // InetAddress.getByAddress turns an IPv4-mapped AAAA (::ffff:a.b.c.d) into an Inet4Address;
    // an AAAA record must stay an IPv6 address.
    private static Inet6Address inet6(AAAARecord a) {
        InetAddress addr = a.getAddress();
        if (addr instanceof Inet6Address v6) {
            return v6;
        }
        byte[] v6 = new byte[16];
        byte[] v4 = addr.getAddress();
        v6[10] = (byte) 0xff;
        v6[11] = (byte) 0xff;
        System.arraycopy(v4, 0, v6, 12, 4);
        try {
            return Inet6Address.getByAddress(null, v6, -1);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // 16 bytes: cannot happen
        }
    }
}
