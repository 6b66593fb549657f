package org.maildoctor.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.maildoctor.auth.dmarc.DmarcCheckReport;
import org.maildoctor.auth.dmarc.DmarcChecker;
import org.maildoctor.auth.dmarc.DmarcFinding;
import org.maildoctor.auth.dmarc.FindingId;
import org.maildoctor.auth.dmarc.Policy;
import org.maildoctor.auth.dmarc.PolicyDiscovery;
import org.maildoctor.model.Severity;
import org.maildoctor.dns.Resolver;
import org.maildoctor.generate.DmarcCorrector;

/**
 * The DMARC section: {@code dmarc.record} (a policy applies), {@code dmarc.policy} (it enforces),
 * and the checker's own findings of severity warning or error under their ids.
 */
public record DmarcSection(Resolver resolver) implements AuditSection {
    static final String SUGGESTED = "v=DMARC1; p=quarantine; rua=mailto:dmarc-reports@";

    @Override
    public String name() {
        return "DMARC";
    }

    @Override
    public CompletableFuture<List<AuditCheck>> run(AuditRequest request) {
        return runWithRecords(request).thenApply(SectionResult::checks);
    }

    /** The checks, and the record to publish next ({@link DmarcCorrector}) when something is wrong. */
    @Override
    public CompletableFuture<SectionResult> runWithRecords(AuditRequest request) {
        return new DmarcChecker(resolver).check(request.domain()).thenApply(r -> new SectionResult(
                checks(request.domain(), r), new DmarcCorrector().correct(r)
                .map(c -> List.of(SpfSection.publish(name(), c))).orElse(List.of())));
    }

    static List<AuditCheck> checks(String domain, DmarcCheckReport report) {
        List<AuditCheck> checks = new ArrayList<>();
        boolean dnsFailed = report.findings().stream().anyMatch(f -> f.id() == FindingId.DNS_FAILURE);
        switch (report.discovery()) {
            case PolicyDiscovery.Found found -> {
                List<String> evidence = List.of("_dmarc." + found.policyDomain() + " TXT \"" + found.record().text() + "\"");
                checks.add(AuditCheck.pass("dmarc.record", "a DMARC policy applies to " + domain + " (published at "
                        + found.policyDomain() + ")", evidence));
                checks.add(policy(found, evidence));
            }
            default -> {
                if (dnsFailed) {
                    checks.add(AuditCheck.unknown("dmarc.record", "could not determine the DMARC policy: "
                            + explanations(report, FindingId.DNS_FAILURE), List.of()));
                } else {
                    checks.add(AuditCheck.fail("dmarc.record", "no usable DMARC policy applies to " + domain
                            + "; Gmail, Yahoo and Microsoft require one for bulk senders (at least p=none)",
                            "Publish a TXT record at _dmarc." + domain + ": " + SUGGESTED + domain + " (start with "
                                    + "p=none if you are not sure every source is aligned, then tighten)",
                            report.findings().stream().map(DmarcFinding::explanation).toList()));
                }
            }
        }
        List<DmarcFinding> shown = report.findings().stream().filter(f -> f.id() != FindingId.NO_RECORD
                && f.id() != FindingId.POLICY_NONE && f.id() != FindingId.DNS_FAILURE).toList(); // dmarc.record/.policy cover those
        checks.addAll(new FindingChecks<DmarcFinding>(f -> f.id().id(), DmarcFinding::severity, DmarcFinding::explanation,
                f -> f.fix().orElse("See " + f.id().id() + " in the DMARC check (maildoctor dmarc check " + domain + ")"))
                .checks(shown, FindingChecks.Grouping.EACH, List.of()));
        return List.copyOf(checks);
    }

    private static AuditCheck policy(PolicyDiscovery.Found found, List<String> evidence) {
        Policy p = found.applicablePolicy();
        if (p == Policy.NONE) {
            return AuditCheck.warn("dmarc.policy", "the DMARC policy is p=none (monitoring only): spoofed mail "
                    + "using the domain is still delivered, and Yahoo and Gmail look for enforcement from bulk "
                    + "senders over time", "Once the aggregate reports show all your sources aligned, change "
                    + "p=none to p=quarantine, then p=reject", evidence);
        }
        return AuditCheck.pass("dmarc.policy", "the DMARC policy enforces: p=" + p.name().toLowerCase(java.util.Locale.ROOT),
                evidence);
    }

    private static String explanations(DmarcCheckReport report, FindingId id) {
        return String.join("; ", report.findings().stream().filter(f -> f.id() == id)
                .map(DmarcFinding::explanation).toList());
    }
}
