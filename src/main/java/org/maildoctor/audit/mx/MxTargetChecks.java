package org.maildoctor.audit.mx;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.maildoctor.audit.AddressPolicy;
import org.maildoctor.audit.AuditCheck;

/** Turns the per-target findings into the audit lines {@code mx.targets}, {@code mx.cname}, {@code mx.addresses}. */
final class MxTargetChecks {
    private MxTargetChecks() {
    }

    static List<AuditCheck> of(List<TargetReport> reports, AddressPolicy policy) {
        List<String> evidence = reports.stream().flatMap(r -> r.evidence().stream()).toList();
        List<AuditCheck> checks = new ArrayList<>();
        checks.add(resolution(reports, evidence));
        checks.add(aliases(reports));
        checks.add(addresses(reports, policy, evidence));
        return checks;
    }

    private static AuditCheck resolution(List<TargetReport> reports, List<String> evidence) {
        List<String> literals = reports.stream().filter(TargetReport::ipLiteral).map(TargetReport::host).toList();
        if (!literals.isEmpty()) {
            return AuditCheck.fail("mx.targets", "MX target(s) " + String.join(", ", literals) + " are IP "
                    + "addresses; an MX must name a host (RFC 5321 §5.1), and senders treat the literal as a name "
                    + "that does not resolve", "Publish an A record for a host name (e.g. mx.example.org) and "
                    + "point the MX at that name", evidence);
        }
        List<String> dead = reports.stream().filter(r -> r.failure() == null && r.addresses().isEmpty())
                .map(TargetReport::host).toList();
        if (!dead.isEmpty()) {
            return AuditCheck.fail("mx.targets", "MX target(s) " + String.join(", ", dead) + " have no A or AAAA "
                    + "record, so senders cannot reach them", "Publish an address record for each MX host, or "
                    + "remove the MX records that point at hosts that do not exist", evidence);
        }
        List<String> unknown = reports.stream().filter(r -> r.failure() != null).map(r -> r.host() + ": "
                + r.failure()).toList();
        if (!unknown.isEmpty()) {
            return AuditCheck.unknown("mx.targets", "could not resolve " + String.join("; ", unknown), evidence);
        }
        return AuditCheck.pass("mx.targets", "every MX host resolves to an address", evidence);
    }

    private static AuditCheck aliases(List<TargetReport> reports) {
        List<TargetReport> aliased = reports.stream().filter(r -> !r.viaCname().isEmpty()).toList();
        if (aliased.isEmpty()) {
            return AuditCheck.pass("mx.cname", "no MX target is a CNAME", List.of());
        }
        List<String> evidence = aliased.stream().flatMap(r -> r.viaCname().stream()).toList();
        String hosts = String.join(", ", aliased.stream().map(TargetReport::host).toList());
        return AuditCheck.fail("mx.cname", "MX target(s) " + hosts + " are CNAMEs; an MX must point at a name "
                + "with its own address records (RFC 2181 §10.3, RFC 5321 §5.1), and some senders refuse aliases",
                "Point the MX record directly at the canonical host name (the CNAME's target)", evidence);
    }

    private static AuditCheck addresses(List<TargetReport> reports, AddressPolicy policy, List<String> evidence) {
        List<String> bad = new ArrayList<>();
        for (TargetReport r : reports) {
            for (InetAddress a : r.addresses()) {
                if (!AddressPolicy.scope(a).isPublic()) {
                    bad.add(r.host() + " -> " + a.getHostAddress() + " (" + AddressPolicy.scope(a).description() + ")");
                }
            }
        }
        if (bad.isEmpty()) {
            return AuditCheck.pass("mx.addresses", "every MX address is public", evidence);
        }
        if (policy.allowPrivate()) {
            return AuditCheck.pass("mx.addresses", "MX addresses that are not public were accepted because "
                    + "private addresses are allowed (--allow-private): " + String.join("; ", bad), evidence);
        }
        return AuditCheck.fail("mx.addresses", "MX host(s) resolve to addresses no other network can reach: "
                + String.join("; ", bad), "Publish the public address of each MX host", evidence);
    }
}
