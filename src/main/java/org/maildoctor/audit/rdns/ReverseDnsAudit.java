package org.maildoctor.audit.rdns;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.maildoctor.audit.AuditCheck;
import org.maildoctor.dns.DnsRecord;
import org.maildoctor.dns.DnsResult;
import org.maildoctor.dns.RecordType;
import org.maildoctor.dns.Resolver;

/**
 * Reverse DNS of a sending IP: a PTR record exists (Gmail answers 5.7.25 without one), its name
 * resolves back to the same IP (forward-confirmed reverse DNS, FCrDNS), and it does not look like
 * a generic access-provider name.
 */
public final class ReverseDnsAudit {
    /** RFC 7208 §4.6.4 caps PTR names at 10 for SPF; the same bound keeps a hostile zone cheap here. */
    static final int MAX_PTR_NAMES = 10;

    private final Resolver resolver;

    public ReverseDnsAudit(Resolver resolver) {
        this.resolver = resolver;
    }

    public CompletableFuture<List<AuditCheck>> audit(InetAddress ip) {
        String addr = ip.getHostAddress();
        return resolver.lookupPtr(ip).thenCompose(ptr -> switch (ptr) {
            case DnsResult.Answer a -> confirm(ip, a.records(DnsRecord.Ptr.class).stream()
                    .map(DnsRecord.Ptr::target).limit(MAX_PTR_NAMES).toList(), ptr.describe());
            case DnsResult.NxDomain n -> noPtr(addr, ptr);
            case DnsResult.NoData n -> noPtr(addr, ptr);
            default -> CompletableFuture.completedFuture(List.of(AuditCheck.unknown("rdns.ptr",
                    "could not look up the PTR record of " + addr + ": " + ptr.describe(), List.of(ptr.describe()))));
        });
    }

    private static CompletableFuture<List<AuditCheck>> noPtr(String addr, DnsResult ptr) {
        return CompletableFuture.completedFuture(List.of(AuditCheck.fail("rdns.ptr", addr + " has no PTR record. "
                + "Gmail rejects such mail (550 5.7.25), and Yahoo and Microsoft require reverse DNS for bulk "
                + "senders", "Ask whoever controls " + addr + " (your hosting or IP provider) to set its PTR "
                + "record to your mail server's host name, and give that name an A record pointing back to " + addr,
                List.of(ptr.describe()))));
    }

    private CompletableFuture<List<AuditCheck>> confirm(InetAddress ip, List<String> names, String ptrEvidence) {
        RecordType family = ip instanceof Inet4Address ? RecordType.A : RecordType.AAAA;
        List<CompletableFuture<DnsResult>> forwards = names.stream().map(n -> resolver.lookup(n, family)).toList();
        return CompletableFuture.allOf(forwards.toArray(CompletableFuture[]::new)).thenApply(v -> {
            String addr = ip.getHostAddress();
            List<String> evidence = new ArrayList<>(List.of(ptrEvidence));
            List<String> confirmed = new ArrayList<>();
            String failure = null;
            for (int i = 0; i < names.size(); i++) {
                DnsResult r = forwards.get(i).join();
                evidence.add(r.describe());
                if (r.isFailure()) {
                    failure = r.describe();
                }
                boolean back = r.recordsOrEmpty().stream().anyMatch(rec -> rec instanceof DnsRecord.A a
                        ? a.address().equals(ip) : rec instanceof DnsRecord.Aaaa aaaa && aaaa.address().equals(ip));
                if (back) {
                    confirmed.add(names.get(i));
                }
            }
            List<AuditCheck> checks = new ArrayList<>();
            checks.add(AuditCheck.pass("rdns.ptr", addr + " has a PTR record: " + String.join(", ", names), evidence));
            if (!confirmed.isEmpty()) {
                checks.add(AuditCheck.pass("rdns.fcrdns", addr + " -> " + confirmed.get(0) + " -> " + addr
                        + ": forward-confirmed reverse DNS", evidence));
            } else if (failure != null) {
                checks.add(AuditCheck.unknown("rdns.fcrdns", "could not resolve the PTR name back: " + failure,
                        evidence));
            } else {
                checks.add(AuditCheck.fail("rdns.fcrdns", "the PTR name " + String.join(", ", names)
                        + " does not resolve back to " + addr + " (no forward-confirmed reverse DNS); receivers "
                        + "treat that like a missing PTR", "Publish \"" + names.get(0) + ". " + family + " " + addr
                        + "\" or change the PTR to a name that resolves to " + addr, evidence));
            }
            Optional<String> generic = names.stream().map(n -> GenericPtrNames.why(n, ip).map(w -> n + ": " + w))
                    .flatMap(Optional::stream).findFirst();
            checks.add(generic.map(g -> AuditCheck.warn("rdns.generic", "the PTR name looks generic (" + g
                    + "); receivers and policy blocklists treat such names as dynamic end-user addresses",
                    "Set the PTR to a name of your own mail domain, e.g. mail.example.org", evidence))
                    .orElseGet(() -> AuditCheck.pass("rdns.generic", "the PTR name looks like a deliberately "
                            + "named server", evidence)));
            return List.copyOf(checks);
        });
    }
}
