package org.maildoctor.audit.mx;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.maildoctor.audit.AddressPolicy;
import org.maildoctor.audit.AuditCheck;
import org.maildoctor.dns.DnsNames;
import org.maildoctor.dns.DnsRecord;
import org.maildoctor.dns.DnsResult;
import org.maildoctor.dns.RecordType;
import org.maildoctor.dns.Resolver;

/**
 * The MX part of a domain audit: MX present, implicit MX (RFC 5321 §5.1 address fallback), null
 * MX (RFC 7505), and for each target: resolves, is not an alias (RFC 2181 §10.3), is not an IP
 * literal, and has public addresses. Target lookups run concurrently once the MX answer is in.
 */
public final class MxAudit {
    private final Resolver resolver;
    private final AddressPolicy policy;

    public MxAudit(Resolver resolver, AddressPolicy policy) {
        this.resolver = resolver;
        this.policy = policy;
    }

    public CompletableFuture<List<AuditCheck>> audit(String domain) {
        String name = DnsNames.normalize(domain);
        return resolver.lookup(name, RecordType.MX).thenCompose(mx -> switch (mx) {
            case DnsResult.Answer a -> withMx(name, a.records(DnsRecord.Mx.class));
            case DnsResult.NoData n -> implicitMx(name);
            case DnsResult.NxDomain n -> CompletableFuture.completedFuture(List.of(AuditCheck.fail("mx.records",
                    name + " does not exist in DNS (NXDOMAIN), so no mail can be delivered to it and receivers "
                            + "reject mail that uses it as sender domain",
                    "Register the domain or fix its delegation, then publish an MX record", List.of(mx.describe()))));
            default -> CompletableFuture.completedFuture(List.of(AuditCheck.unknown("mx.records",
                    "could not look up the MX records: " + mx.describe(), List.of(mx.describe()))));
        });
    }

    private CompletableFuture<List<AuditCheck>> withMx(String domain, List<DnsRecord.Mx> records) {
        List<String> evidence = records.stream().sorted(Comparator.comparingInt(DnsRecord.Mx::preference))
                .map(DnsRecord::presentation).toList();
        boolean hasNull = records.stream().anyMatch(DnsRecord.Mx::isNullMx);
        if (hasNull) {
            AuditCheck nullMx = records.size() == 1
                    ? AuditCheck.fail("mx.nullmx", domain + " publishes a null MX (RFC 7505): it declares that it "
                            + "accepts no mail. Bounces, replies and DMARC reports to it cannot be delivered, and "
                            + "receivers may reject mail whose envelope sender uses it (RFC 7505 §4.2)",
                            "If this domain sends mail, replace the null MX with the MX of the servers that receive "
                                    + "its mail, e.g. \"" + domain + ". MX 10 mx." + domain + ".\"", evidence)
                    : AuditCheck.fail("mx.nullmx", domain + " mixes a null MX with other MX records, which "
                            + "RFC 7505 §3 forbids; senders may treat the domain as accepting no mail",
                            "Remove the \"MX 0 .\" record or all the others", evidence);
            return CompletableFuture.completedFuture(List.of(
                    AuditCheck.pass("mx.records", domain + " has " + records.size() + " MX record(s)", evidence),
                    nullMx));
        }
        List<CompletableFuture<TargetReport>> targets = records.stream()
                .map(r -> target(r.exchange())).toList();
        return CompletableFuture.allOf(targets.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<TargetReport> reports = targets.stream().map(CompletableFuture::join).toList();
            List<AuditCheck> checks = new ArrayList<>();
            checks.add(AuditCheck.pass("mx.records", domain + " has " + records.size() + " MX record"
                    + (records.size() == 1 ? "" : "s"), evidence));
            checks.add(AuditCheck.pass("mx.nullmx", domain + " does not publish a null MX", evidence));
            checks.addAll(MxTargetChecks.of(reports, policy));
            return List.copyOf(checks);
        });
    }

    private CompletableFuture<List<AuditCheck>> implicitMx(String domain) {
        return addresses(domain).thenApply(a -> {
            if (a.failure() != null) {
                return List.of(AuditCheck.unknown("mx.records", domain + " has no MX record, and its address "
                        + "lookup failed: " + a.failure(), a.evidence()));
            }
            if (a.addresses().isEmpty()) {
                return List.of(AuditCheck.fail("mx.records", domain + " has no MX record and no address, so "
                        + "mail to it cannot be delivered", "Publish an MX record, e.g. \"" + domain
                        + ". MX 10 mx." + domain + ".\", or a null MX (\"MX 0 .\") if it receives no mail",
                        a.evidence()));
            }
            return List.of(AuditCheck.warn("mx.records", domain + " has no MX record; senders fall back to its "
                    + "address (implicit MX, RFC 5321 §5.1), which works but is fragile and often not intended",
                    "Publish an explicit MX record pointing at the host that receives mail", a.evidence()));
        });
    }

    private CompletableFuture<TargetReport> target(String exchange) {
        if (DnsNames.parseIpLiteral(exchange).isPresent()) {
            return CompletableFuture.completedFuture(TargetReport.ipLiteral(exchange));
        }
        return addresses(exchange).thenApply(a -> new TargetReport(exchange, false, a.viaCname(), a.addresses(),
                a.failure(), a.evidence()));
    }

    /** A and AAAA of {@code host}, concurrently. */
    private CompletableFuture<Addresses> addresses(String host) {
        CompletableFuture<DnsResult> a = resolver.lookup(host, RecordType.A);
        CompletableFuture<DnsResult> aaaa = resolver.lookup(host, RecordType.AAAA);
        return a.thenCombine(aaaa, (r4, r6) -> Addresses.of(host, r4, r6));
    }

    /** The addresses of one host name, or why they could not be had. */
    record Addresses(List<InetAddress> addresses, List<String> viaCname, String failure, List<String> evidence) {
        static Addresses of(String host, DnsResult r4, DnsResult r6) {
            List<InetAddress> found = new ArrayList<>();
            List<String> evidence = new ArrayList<>();
            List<String> cnames = new ArrayList<>();
            String failure = null;
            for (DnsResult r : List.of(r4, r6)) {
                cnameChain(r).forEach(c -> {
                    if (!cnames.contains(c.presentation())) {
                        cnames.add(c.presentation());
                    }
                });
                if (r instanceof DnsResult.Answer ans) {
                    ans.records(DnsRecord.A.class).forEach(x -> found.add(x.address()));
                    ans.records(DnsRecord.Aaaa.class).forEach(x -> found.add(x.address()));
                    ans.records().forEach(x -> evidence.add(x.presentation()));
                } else if (r.isFailure()) {
                    failure = r.describe();
                    evidence.add(r.describe());
                } else {
                    evidence.add(r.describe());
                }
            }
            // an address from one family is enough; a failure only matters when nothing was found
            return new Addresses(List.copyOf(found), List.copyOf(cnames), found.isEmpty() ? failure : null,
                    List.copyOf(evidence));
        }

        private static List<DnsRecord.Cname> cnameChain(DnsResult r) {
            return switch (r) {
                case DnsResult.Answer a -> a.cnameChain();
                case DnsResult.NoData n -> n.cnameChain();
                case DnsResult.NxDomain n -> n.cnameChain();
                default -> List.of();
            };
        }
    }
}
