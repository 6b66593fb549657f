package org.maildoctor.dns;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * An in-memory, declarative DNS for unit tests of anything that takes a {@link Resolver}.
 *
 * <pre>{@code
 * FakeZone dns = FakeZone.builder()
 *         .mx("good.test", 10, "mx.good.test")
 *         .a("mx.good.test", "127.0.0.1")
 *         .txt("good.test", "v=spf1 mx -all")
 *         .txt("sel1._domainkey.good.test", "v=DKIM1; p=MIIB", "IjANBg")   // one record, two strings
 *         .cname("alias.good.test", "mx.good.test")
 *         .exists("empty.good.test")                                     // NODATA for every type
 *         .servfail("broken.test")                                       // any type
 *         .timeout("slow.test", RecordType.TXT)                          // just this type
 *         .build();
 * }</pre>
 *
 * Semantics, as a real server: a name with records (or declared with {@link Builder#exists}) but
 * none of the asked type is NODATA; any other name is NXDOMAIN (say so explicitly with
 * {@link Builder#nxdomain} to document intent). CNAMEs are followed like the real resolver does,
 * with loop detection. Failures are injected per name (all types) or per name and type. Negative
 * answers carry an SOA with MINIMUM {@code negativeTtl} (default 60). Every lookup is logged.
 */
public final class FakeZone implements Resolver {
    public static final String SERVER = "fake-zone";

    /** One logged question. */
    public record Query(String name, RecordType type) {
        @Override
        public String toString() {
            return name + "/" + type;
        }
    }

    private enum Failure { SERVFAIL, REFUSED, TIMEOUT, UNREACHABLE }

    private final Map<String, List<DnsRecord>> records;
    private final Set<String> existing;
    private final Map<String, Failure> failures; // key: name or name/TYPE
    private final long negativeTtl;
    private final boolean authenticData;
    private final List<Query> queries = new ArrayList<>();

    private FakeZone(Builder b) {
        this.records = Map.copyOf(b.records);
        this.existing = Set.copyOf(b.existing);
        this.failures = Map.copyOf(b.failures);
        this.negativeTtl = b.negativeTtl;
        this.authenticData = b.authenticData;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every lookup so far, in order. */
    public synchronized List<Query> queries() {
        return List.copyOf(queries);
    }

    public synchronized int queryCount() {
        return queries.size();
    }

    /** Lookups of this name and type so far. */
    public synchronized long queryCount(String name, RecordType type) {
        Query q = new Query(DnsNames.normalize(name), type);
        return queries.stream().filter(q::equals).count();
    }

    public synchronized void clearQueries() {
        queries.clear();
    }

    @Override
    public CompletableFuture<DnsResult> lookup(String name, RecordType type) {
        String n = DnsNames.normalize(name);
        synchronized (this) {
            queries.add(new Query(n, type));
        }
        return CompletableFuture.completedFuture(resolve(n, type));
    }

    private DnsResult resolve(String name, RecordType type) {
        List<DnsRecord.Cname> chain = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        String current = name;
        visited.add(current);
        while (true) {
            Optional<DnsResult> failure = failureFor(name, current, type);
            if (failure.isPresent()) {
                return failure.get();
            }
            List<DnsRecord> here = records.getOrDefault(current, List.of());
            List<DnsRecord> ofType = here.stream().filter(r -> r.type() == type).toList();
            if (!ofType.isEmpty()) {
                return new DnsResult.Answer(name, type, ofType, chain, authenticData);
            }
            Optional<DnsRecord.Cname> cname = here.stream()
                    .filter(DnsRecord.Cname.class::isInstance).map(DnsRecord.Cname.class::cast).findFirst();
            if (cname.isPresent() && type != RecordType.CNAME) {
                String target = cname.get().target();
                if (!visited.add(target)) {
                    return new DnsResult.ServFail(name, type, SERVER, "CNAME loop at " + target);
                }
                chain.add(cname.get());
                current = target;
                continue;
            }
            Optional<DnsRecord.Soa> soa = Optional.of(soaFor(current));
            if (here.isEmpty() && !existing.contains(current)) {
                return new DnsResult.NxDomain(name, type, chain, soa);
            }
            return new DnsResult.NoData(name, type, chain, soa);
        }
    }

    private Optional<DnsResult> failureFor(String asked, String current, RecordType type) {
        Failure f = failures.get(current + "/" + type);
        if (f == null) {
            f = failures.get(current);
        }
        if (f == null) {
            return Optional.empty();
        }
        return Optional.of(switch (f) {
            case SERVFAIL -> new DnsResult.ServFail(asked, type, SERVER, "server answered SERVFAIL");
            case REFUSED -> new DnsResult.Refused(asked, type, SERVER);
            case TIMEOUT -> new DnsResult.Timeout(asked, type, SERVER, Duration.ofSeconds(2));
            case UNREACHABLE -> new DnsResult.Unreachable(asked, type, SERVER,
                    "refused the connection (ICMP port unreachable)");
        });
    }

    private DnsRecord.Soa soaFor(String name) {
        return new DnsRecord.Soa(name, negativeTtl, "ns.fake", "hostmaster.fake", 1, 3600, 600, 86400, negativeTtl);
    }

    /** Builds a {@link FakeZone}; names in any spelling, TTL 300 unless {@link #ttl} says otherwise. */
    public static final class Builder {
        private final Map<String, List<DnsRecord>> records = new LinkedHashMap<>();
        private final Set<String> existing = new HashSet<>();
        private final Map<String, Failure> failures = new HashMap<>();
        private long ttl = 300;
        private long negativeTtl = 60;
        private boolean authenticData;

        private Builder() {
        }

        /** TTL of the records added after this call. */
        public Builder ttl(long seconds) {
            this.ttl = seconds;
            return this;
        }

        /** SOA MINIMUM (and SOA TTL) of negative answers. */
        public Builder negativeTtl(long seconds) {
            this.negativeTtl = seconds;
            return this;
        }

        /** Whether answers carry the AD bit. */
        public Builder authenticData(boolean ad) {
            this.authenticData = ad;
            return this;
        }

        public Builder record(DnsRecord r) {
            records.computeIfAbsent(DnsNames.normalize(r.name()), k -> new ArrayList<>()).add(r);
            return this;
        }

        public Builder a(String name, String... addresses) {
            for (String a : addresses) {
                record(new DnsRecord.A(n(name), ttl, (Inet4Address) ip(a)));
            }
            return this;
        }

        public Builder aaaa(String name, String... addresses) {
            for (String a : addresses) {
                InetAddress ip = ip(a);
                try {
                    record(new DnsRecord.Aaaa(n(name), ttl, ip instanceof Inet6Address v6 ? v6
                            : Inet6Address.getByAddress(null, ip.getAddress(), -1)));
                } catch (UnknownHostException e) {
                    throw new IllegalArgumentException(a, e);
                }
            }
            return this;
        }

        public Builder mx(String name, int preference, String exchange) {
            return record(new DnsRecord.Mx(n(name), ttl, preference, n(exchange)));
        }

        /** One TXT record made of the given character-strings (several strings = one split record). */
        public Builder txt(String name, String... strings) {
            return record(DnsRecord.Txt.of(n(name), ttl, List.of(strings)));
        }

        public Builder ptr(String name, String target) {
            return record(new DnsRecord.Ptr(n(name), ttl, n(target)));
        }

        /** PTR for an address: {@code ptr(127.0.0.1 → mx.good.test)}. */
        public Builder ptr(InetAddress address, String target) {
            return ptr(DnsNames.reverseName(address), target);
        }

        public Builder cname(String name, String target) {
            return record(new DnsRecord.Cname(n(name), ttl, n(target)));
        }

        public Builder ns(String name, String target) {
            return record(new DnsRecord.Ns(n(name), ttl, n(target)));
        }

        public Builder tlsa(String name, int usage, int selector, int matchingType, String dataHex) {
            return record(new DnsRecord.Tlsa(n(name), ttl, usage, selector, matchingType, dataHex));
        }

        /** The name exists without records of its own (an empty non-terminal): NODATA for every type. */
        public Builder exists(String name) {
            existing.add(n(name));
            return this;
        }

        /** Documents that the name does not exist (the default for unknown names). */
        public Builder nxdomain(String name) {
            String k = n(name);
            if (records.containsKey(k) || existing.contains(k)) {
                throw new IllegalStateException(name + " has records; it cannot be NXDOMAIN");
            }
            return this;
        }

        public Builder servfail(String name) {
            return fail(name, null, Failure.SERVFAIL);
        }

        public Builder servfail(String name, RecordType type) {
            return fail(name, type, Failure.SERVFAIL);
        }

        public Builder refused(String name) {
            return fail(name, null, Failure.REFUSED);
        }

        public Builder timeout(String name) {
            return fail(name, null, Failure.TIMEOUT);
        }

        public Builder timeout(String name, RecordType type) {
            return fail(name, type, Failure.TIMEOUT);
        }

        public Builder unreachable(String name) {
            return fail(name, null, Failure.UNREACHABLE);
        }

        private Builder fail(String name, RecordType type, Failure f) {
            failures.put(type == null ? n(name) : n(name) + "/" + type, f);
            return this;
        }

        public FakeZone build() {
            return new FakeZone(this);
        }

        private static String n(String name) {
            return DnsNames.normalize(name);
        }

        private static InetAddress ip(String literal) {
            return DnsNames.parseIpLiteral(literal)
                    .orElseThrow(() -> new IllegalArgumentException("not an IP literal: " + literal));
        }
    }
}
