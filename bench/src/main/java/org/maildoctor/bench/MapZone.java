package org.maildoctor.bench;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.maildoctor.dns.DnsNames;
import org.maildoctor.dns.DnsRecord;
import org.maildoctor.dns.DnsResult;
import org.maildoctor.dns.RecordType;
import org.maildoctor.dns.Resolver;

/**
 * An in-memory {@link Resolver} for benchmarks, with the semantics of the unit tests' FakeZone
 * (NXDOMAIN vs NODATA, CNAME chains, injected timeouts) but without its query log: the log is a
 * synchronized list that grows on every lookup, which would be measured (and fill the heap) in a
 * loop of millions of checks. Test classes are not on the bench classpath, hence this small copy.
 */
public final class MapZone implements Resolver {
    private final Map<String, List<DnsRecord>> records = new HashMap<>();
    private final Set<String> existing = new HashSet<>();
    private final Set<String> timeouts = new HashSet<>(); // "name/TYPE"

    public MapZone txt(String name, String... strings) {
        return add(DnsRecord.Txt.of(n(name), 300, List.of(strings)));
    }

    public MapZone a(String name, String address) {
        return add(new DnsRecord.A(n(name), 300, (Inet4Address) ip(address)));
    }

    public MapZone aaaa(String name, String address) {
        InetAddress ip = ip(address);
        try {
            return add(new DnsRecord.Aaaa(n(name), 300, ip instanceof Inet6Address v6 ? v6
                    : Inet6Address.getByAddress(null, ip.getAddress(), -1)));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }

    public MapZone mx(String name, int preference, String exchange) {
        return add(new DnsRecord.Mx(n(name), 300, preference, exchange.equals(".") ? "." : n(exchange)));
    }

    public MapZone ptr(String name, String target) {
        return add(new DnsRecord.Ptr(n(name), 300, n(target)));
    }

    public MapZone cname(String name, String target) {
        return add(new DnsRecord.Cname(n(name), 300, n(target)));
    }

    /** The name exists (NODATA for types it has no records of). */
    public MapZone exists(String name) {
        existing.add(n(name));
        return this;
    }

    public MapZone timeout(String name, RecordType type) {
        timeouts.add(n(name) + "/" + type);
        return this;
    }

    private MapZone add(DnsRecord r) {
        records.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r);
        return this;
    }

    @Override
    public CompletableFuture<DnsResult> lookup(String name, RecordType type) {
        return CompletableFuture.completedFuture(resolve(DnsNames.normalize(name), type));
    }

    /**
     * Plain loops, and the CNAME bookkeeping only once a CNAME is met: the peers' fake resolvers are a
     * dictionary lookup (dkimpy's dnsfunc, pyspf's zone dict), and the streams and sets this used
     * to allocate per lookup were a visible share of the DKIM corpus loop (bench/RESULTS.md 2026-12-06).
     */
    private DnsResult resolve(String name, RecordType type) {
        List<DnsRecord.Cname> chain = List.of();
        Set<String> visited = null;
        String current = name;
        while (true) {
            if (!timeouts.isEmpty() && timeouts.contains(current + "/" + type)) {
                return new DnsResult.Timeout(name, type, "map-zone", Duration.ofSeconds(2));
            }
            List<DnsRecord> here = records.getOrDefault(current, List.of());
            List<DnsRecord> ofType = null;
            DnsRecord.Cname cname = null;
            for (DnsRecord r : here) {
                if (r.type() == type) {
                    if (ofType == null) {
                        ofType = new ArrayList<>(here.size());
                    }
                    ofType.add(r);
                } else if (cname == null && r instanceof DnsRecord.Cname c) {
                    cname = c;
                }
            }
            if (ofType != null) {
                return new DnsResult.Answer(name, type, ofType, chain, false); // Answer copies the lists
            }
            if (cname != null && type != RecordType.CNAME) {
                String target = cname.target();
                if (visited == null) {
                    visited = new HashSet<>();
                    visited.add(name);
                    chain = new ArrayList<>();
                }
                if (!visited.add(target)) {
                    return new DnsResult.ServFail(name, type, "map-zone", "CNAME loop at " + target);
                }
                chain.add(cname);
                current = target;
                continue;
            }
            Optional<DnsRecord.Soa> soa = Optional.of(
                    new DnsRecord.Soa(current, 60, "ns.fake", "hostmaster.fake", 1, 3600, 600, 86400, 60));
            if (here.isEmpty() && !existing.contains(current)) {
                return new DnsResult.NxDomain(name, type, chain, soa);
            }
            return new DnsResult.NoData(name, type, chain, soa);
        }
    }

    private static String n(String name) {
        return DnsNames.normalize(name);
    }

    private static InetAddress ip(String literal) {
        return DnsNames.parseIpLiteral(literal)
                .orElseThrow(() -> new IllegalArgumentException("not an IP literal: " + literal));
    }
}
