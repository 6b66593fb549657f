package org.maildoctor.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.maildoctor.audit.transport.MxHosts;
import org.maildoctor.dns.DnsRecord;
import org.maildoctor.dns.DnsResult;
import org.maildoctor.dns.RecordType;
import org.maildoctor.dns.Resolver;
import org.maildoctor.transport.dane.TlsaAssessment;

/**
 * DANE for SMTP (RFC 7672): {@code dane.tlsa}, the TLSA records at {@code _25._tcp.MX} for every MX host.
 * DNSSEC validation is the resolver's job: records reach us with its AD bit, and without it they are
 * reported as "not validated" rather than judged secure or insecure.
 */
public record DaneSection(Resolver resolver) implements AuditSection {
    @Override
    public String name() {
        return "DANE";
    }

    @Override
    public CompletableFuture<List<AuditCheck>> run(AuditRequest request) {
        return MxHosts.of(resolver, request.domain()).thenCompose(mx -> {
            if (mx.failed()) {
                return CompletableFuture.completedFuture(List.of(AuditCheck.unknown("dane.tlsa",
                        "could not look up the MX hosts: " + mx.result().describe(), List.of())));
            }
            List<CompletableFuture<DnsResult>> tlsa = mx.hosts().stream()
                    .map(h -> resolver.lookup("_25._tcp." + h, RecordType.TLSA)).toList();
            return CompletableFuture.allOf(tlsa.toArray(CompletableFuture[]::new))
                    .thenApply(v -> List.of(check(mx.hosts(), tlsa.stream().map(CompletableFuture::join).toList())));
        });
    }

    static AuditCheck check(List<String> hosts, List<DnsResult> results) {
        List<String> evidence = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> without = new ArrayList<>();
        boolean anyTlsa = false;
        boolean allValidated = true;
        for (int i = 0; i < hosts.size(); i++) {
            DnsResult r = results.get(i);
            String host = hosts.get(i);
            if (r.isFailure()) {
                failures.add(r.describe());
                continue;
            }
            List<DnsRecord.Tlsa> records = r.recordsOrEmpty().stream().filter(DnsRecord.Tlsa.class::isInstance)
                    .map(DnsRecord.Tlsa.class::cast).toList();
            if (records.isEmpty()) {
                without.add(host);
                continue;
            }
            anyTlsa = true;
            boolean ad = r instanceof DnsResult.Answer a && a.authenticData();
            allValidated &= ad;
            for (DnsRecord.Tlsa t : records) {
                TlsaAssessment x = TlsaAssessment.of(t);
                evidence.add(t.presentation() + "  (" + x.usageName() + " " + x.selectorName() + " " + x.matchingName()
                        + (ad ? ", validated: AD set" : ", not validated: AD absent") + ")");
                x.problems().forEach(p -> problems.add(t.name() + ": " + p));
                x.warnings().forEach(w -> warnings.add(t.name() + ": " + w));
            }
        }
        if (!failures.isEmpty()) {
            return AuditCheck.unknown("dane.tlsa", "could not look up TLSA records: " + String.join("; ", failures), evidence);
        }
        if (hosts.isEmpty()) {
            return AuditCheck.pass("dane.tlsa", "no MX hosts, so no TLSA records to look up (DANE is optional)", evidence);
        }
        if (!anyTlsa) {
            return AuditCheck.pass("dane.tlsa", "no TLSA records at _25._tcp of " + hosts
                    + ": the domain does not use DANE (optional; it needs a DNSSEC-signed zone)", evidence);
        }
        if (!problems.isEmpty()) {
            return AuditCheck.fail("dane.tlsa", "TLSA records senders cannot use: " + String.join("; ", problems),
                    "Publish \"3 1 1 <SHA-256 of the server's public key>\" (DANE-EE SPKI SHA2-256) at _25._tcp.MX "
                            + "for each MX, and keep it in step with the certificate", evidence);
        }
        if (!without.isEmpty()) {
            return AuditCheck.warn("dane.tlsa", "some MX hosts have TLSA records but " + without + " have none; "
                    + "DANE protects only delivery to the hosts with records",
                    "Publish TLSA records for every MX host", evidence);
        }
        if (!allValidated) {
            return AuditCheck.warn("dane.tlsa", "TLSA records are published but not validated: the resolver did "
                    + "not set the AD bit, so either the zone is not DNSSEC-signed (then senders ignore the records) "
                    + "or the resolver does not validate" + (warnings.isEmpty() ? "" : "; " + String.join("; ", warnings)),
                    "Sign the zone with DNSSEC, and check again through a validating resolver (--dns)", evidence);
        }
        if (!warnings.isEmpty()) {
            return AuditCheck.warn("dane.tlsa", String.join("; ", warnings), "Use matching type 1 (SHA2-256)", evidence);
        }
        return AuditCheck.pass("dane.tlsa", "every MX host has usable TLSA records, validated by the resolver (AD)",
                evidence);
    }
}
