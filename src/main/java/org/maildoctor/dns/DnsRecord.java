package org.maildoctor.dns;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.List;
import java.util.Objects;

/**
 * One resource record, typed. Names are in {@link DnsNames#normalize} form (no trailing dot);
 * {@link #presentation()} gives the zone-file line with absolute names, as dig prints it.
 */
public sealed interface DnsRecord {

    /** The owner name. */
    String name();

    /** Time to live in seconds, as received. */
    long ttl();

    RecordType type();

    /** The RDATA in presentation format ({@code 10 mx.good.test.}). */
    String value();

    /** {@code name. TTL TYPE value}, tab separated. */
    default String presentation() {
        return DnsNames.absolute(name()) + "\t" + ttl() + "\t" + type() + "\t" + value();
    }

    record A(String name, long ttl, Inet4Address address) implements DnsRecord {
        public A {
            Objects.requireNonNull(address);
        }

        @Override
        public RecordType type() {
            return RecordType.A;
        }

        @Override
        public String value() {
            return address.getHostAddress();
        }

        @Override
        public String toString() {
            return presentation();
        }
    }

    record Aaaa(String name, long ttl, Inet6Address address) implements DnsRecord {
        public Aaaa {
            Objects.requireNonNull(address);
        }

        @Override
        public RecordType type() {
            return RecordType.AAAA;
        }

        @Override
        public String value() {
            return address.getHostAddress();
        }

        @Override
        public String toString() {
            return presentation();
        }
    }

    /** RFC 1035 3.3.9. A null MX (RFC 7505) has preference 0 and exchange {@code "."}. */
    record Mx(String name, long ttl, int preference, String exchange) implements DnsRecord {
        @Override
        public RecordType type() {
            return RecordType.MX;
        }

        public boolean isNullMx() {
            return exchange.equals(".");
        }

        @Override
        public String value() {
            return preference + " " + DnsNames.absolute(exchange);
        }

        @Override
        public String toString() {
            return presentation();
        }
    }

    /**
     * A TXT record: {@code strings} are the character-strings as received, {@code text} their
     * concatenation WITHOUT separator, which is how SPF (RFC 7208 3.3) and DKIM (RFC 6376 3.6.2.2)
     * read a record split into several strings.
     */
    /**
     * The SPF RR type (99): TXT-format data (RFC 7208 3.1 deprecated it; receivers ignore it). Kept
     * apart from {@link Txt} so nothing mistakes it for the TXT record SPF is read from.
     */
    record Spf(String name, long ttl, String text, List<String> strings) implements DnsRecord {
        public Spf {
            strings = List.copyOf(strings);
            Objects.requireNonNull(text);
        }

        @Override
        public RecordType type() {
            return RecordType.SPF;
        }

        @Override
        public String value() {
            return Txt.of(name, ttl, strings).value();
        }

        @Override
        public String toString() {
            return presentation();
        }
    }

    record Txt(String name, long ttl, String text, List<String> strings) implements DnsRecord {
        public Txt {
            strings = List.copyOf(strings);
            Objects.requireNonNull(text);
        }

        public static Txt of(String name, long ttl, List<String> strings) {
            return new Txt(name, ttl, String.join("", strings), strings);
        }

        @Override
        public RecordType type() {
            return RecordType.TXT;
        }

        @Override
        public String value() {
            StringBuilder sb = new StringBuilder();
            for (String s : strings) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append('"');
                for (char c : s.toCharArray()) {
                    if (c == '"' || c == '\\') {
                        sb.append('\\').append(c);
                    } else if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\%03d", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
                sb.append('"');
            }
            return sb.toString();
        }

        @Override
        public String toString() {
            return presentation();
        }
    }

    record Ptr(String name, long ttl, String target) implements DnsRecord {
        @Override
        public RecordType type() {
            return RecordType.PTR;
        }

        @Override
        public String value() {
            return DnsNames.absolute(target);
        }

        @Override
        public String toString() {
            return presentation();
        }
    }

    record Cname(String name, long ttl, String target) implements DnsRecord {
        @Override
        public RecordType type() {
            return RecordType.CNAME;
        }

        @Override
        public String value() {
            return DnsNames.absolute(target);
        }

        @Override
        public String toString() {
            return presentation();
        }
    }

    record Ns(String name, long ttl, String target) implements DnsRecord {
        @Override
        public RecordType type() {
            return RecordType.NS;
        }

        @Override
        public String value() {
            return DnsNames.absolute(target);
        }

        @Override
        public String toString() {
            return presentation();
        }
    }

    /** RFC 1035 3.3.13; {@code minimum} is the negative-caching TTL since RFC 2308. */
    record Soa(String name, long ttl, String mname, String rname, long serial, long refresh, long retry,
               long expire, long minimum) implements DnsRecord {
        @Override
        public RecordType type() {
            return RecordType.SOA;
        }

        /** RFC 2308 5: a negative answer is cached for the lesser of the SOA's TTL and MINIMUM. */
        public long negativeTtl() {
            return Math.min(ttl, minimum);
        }

        @Override
        public String value() {
            return DnsNames.absolute(mname) + " " + DnsNames.absolute(rname) + " " + serial + " " + refresh
                    + " " + retry + " " + expire + " " + minimum;
        }

        @Override
        public String toString() {
            return presentation();
        }
    }

    /** RFC 6698 2.1: certificate usage, selector, matching type, association data in hex. */
    record Tlsa(String name, long ttl, int usage, int selector, int matchingType, String dataHex)
            implements DnsRecord {
        @Override
        public RecordType type() {
            return RecordType.TLSA;
        }

        @Override
        public String value() {
            return usage + " " + selector + " " + matchingType + " " + dataHex;
        }

        @Override
        public String toString() {
            return presentation();
        }
    }
}
