package org.maildoctor.verify;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.maildoctor.dns.DnsNameException;
import org.maildoctor.dns.DnsRecord;
import org.maildoctor.dns.DnsResult;
import org.maildoctor.dns.RecordType;
import org.maildoctor.dns.Resolver;

/**
 * Finds a domain's mail hosts through the shared {@link Resolver}: MX by preference, null MX,
 * implicit MX (A/AAAA of the domain), MX hosts that do not resolve. Only NXDOMAIN and NODATA count
 * as "does not exist"; any failure of DNS itself is {@link MailRoute.Inconclusive}.
 */
public final class MailRouter {
    private final Resolver resolver;

    public MailRouter(Resolver resolver) {
        this.resolver = resolver;
    }

    public MailRoute route(String domain) {
        DnsResult mx;
        try {
            mx = resolver.lookupNow(domain, RecordType.MX);
        } catch (DnsNameException e) {
            return new MailRoute.NoMailHost(domain, "not a valid DNS name: " + e.getMessage());
        }
        return switch (mx) {
            case DnsResult.NxDomain n -> new MailRoute.NoMailHost(domain, n.describe());
            case DnsResult.NoData n -> implicit(domain);
            case DnsResult.Answer a -> explicit(domain, a.records(DnsRecord.Mx.class));
            default -> new MailRoute.Inconclusive(domain, mx.describe());
        };
    }

    private MailRoute explicit(String domain, List<DnsRecord.Mx> records) {
        if (records.isEmpty()) {
            return implicit(domain);
        }
        if (records.stream().anyMatch(DnsRecord.Mx::isNullMx)) {
            // RFC 7505 §3: a null MX must be the only MX; with others beside it we still honour it
            return new MailRoute.NullMx(domain);
        }
        List<DnsRecord.Mx> sorted = records.stream().sorted(Comparator.comparingInt(DnsRecord.Mx::preference)).toList();
        List<CompletableFuture<Addresses>> lookups = sorted.stream().map(m -> addresses(m.exchange())).toList();
        List<MailRoute.Host> hosts = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Addresses a = lookups.get(i).join();
            if (!a.addresses.isEmpty()) {
                hosts.add(new MailRoute.Host(sorted.get(i).exchange(), sorted.get(i).preference(), a.addresses));
            } else if (a.failure != null) {
                failures.add(a.failure);
            } else {
                missing.add(sorted.get(i).exchange());
            }
        }
        if (!hosts.isEmpty()) {
            return new MailRoute.Hosts(domain, hosts, false);
        }
        if (!failures.isEmpty()) {
            return new MailRoute.Inconclusive(domain, "MX host lookup failed: " + String.join("; ", failures));
        }
        return new MailRoute.NoMailHost(domain, "no MX host resolves to an address: " + String.join(", ", missing));
    }

    private MailRoute implicit(String domain) {
        Addresses a = addresses(domain).join();
        if (!a.addresses.isEmpty()) {
            return new MailRoute.Hosts(domain, List.of(new MailRoute.Host(domain, 0, a.addresses)), true);
        }
        if (a.failure != null) {
            return new MailRoute.Inconclusive(domain, a.failure);
        }
        return new MailRoute.NoMailHost(domain, "no MX record and no A/AAAA record");
    }

    private record Addresses(List<InetAddress> addresses, String failure) {
    }

    /** A and AAAA of a host; a failure only when neither gave addresses and one was inconclusive. */
    private CompletableFuture<Addresses> addresses(String host) {
        CompletableFuture<DnsResult> a = resolver.lookup(host, RecordType.A);
        CompletableFuture<DnsResult> aaaa = resolver.lookup(host, RecordType.AAAA);
        return a.thenCombine(aaaa, (r4, r6) -> {
            List<InetAddress> out = new ArrayList<>();
            r4.recordsOrEmpty().forEach(r -> {
                if (r instanceof DnsRecord.A x) {
                    out.add(x.address());
                }
            });
            r6.recordsOrEmpty().forEach(r -> {
                if (r instanceof DnsRecord.Aaaa x) {
                    out.add(x.address());
                }
            });
            if (!out.isEmpty()) {
                return new Addresses(out, null);
            }
            if (r4.isFailure()) {
                return new Addresses(List.of(), r4.describe());
            }
            if (r6.isFailure()) {
                return new Addresses(List.of(), r6.describe());
            }
            return new Addresses(List.of(), null);
        });
    }
}
