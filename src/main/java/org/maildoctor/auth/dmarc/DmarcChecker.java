package org.maildoctor.auth.dmarc;

import org.maildoctor.model.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.maildoctor.dns.Resolver;

/**
 * The domain-side DMARC check: discovers the policy (RFC 9989 tree walk), compares the organizational
 * domain with the RFC 7489 Public Suffix List method, verifies external report destinations and collects
 * every finding with an overall {@link CheckOutcome}.
 */
public final class DmarcChecker {
    private final DmarcDiscovery discovery;
    private final ReportDestinationVerifier destinations;
    private final PublicSuffixList psl;

    public DmarcChecker(Resolver resolver, PublicSuffixList psl) {
        this.discovery = new DmarcDiscovery(resolver);
        this.destinations = new ReportDestinationVerifier(resolver);
        this.psl = java.util.Objects.requireNonNull(psl);
    }

    /** With the shipped Public Suffix List. */
    public DmarcChecker(Resolver resolver) {
        this(resolver, PublicSuffixList.shipped());
    }

    /** @throws org.maildoctor.dns.DnsNameException if {@code domain} is not a domain name */
    public CompletableFuture<DmarcCheckReport> check(String domain) {
        return discovery.discoverPolicy(domain).thenCompose(d -> {
            OrganizationalDomain org = d.walk().organizationalDomain();
            CompletableFuture<List<ReportDestination>> dests = d instanceof PolicyDiscovery.Found f
                    ? destinations.verify(f.policyDomain(), org.domain(), f.record())
                    : CompletableFuture.completedFuture(List.of());
            return dests.thenApply(list -> report(d, org, list));
        });
    }

    private DmarcCheckReport report(PolicyDiscovery d, OrganizationalDomain org, List<ReportDestination> dests) {
        String domain = d.authorDomain();
        Optional<String> pslOrg = psl.registrableDomain(domain);
        List<DmarcFinding> findings = new ArrayList<>();
        WalkStep first = d.walk().steps().getFirst();
        switch (d) {
            case PolicyDiscovery.Found f -> {
                if (f.source() != PolicySource.AUTHOR_DOMAIN) {
                    if (first instanceof WalkStep.NoRecord n) {
                        n.parse().findings().stream().filter(x -> x.id() != FindingId.NO_RECORD).forEach(findings::add);
                    }
                    String which = f.authorExistence() == DomainExistence.DOES_NOT_EXIST ? "np" : "sp";
                    findings.add(DmarcFinding.of(FindingId.POLICY_INHERITED, domain + " publishes no DMARC record of "
                            + "its own; the record of its " + f.source().token().replace('-', ' ') + " "
                            + f.policyDomain() + " applies, with policy " + f.applicablePolicy().token() + " (" + which
                            + (f.authorExistence() == DomainExistence.UNKNOWN ? "; whether " + domain
                            + " exists could not be checked" : "") + ", RFC 9989 §4.10.1).",
                            "Publish a record at _dmarc." + domain + " if it needs its own policy or reports."));
                }
                findings.addAll(f.parse().findings());
            }
            case PolicyDiscovery.NoPolicy n -> {
                findings.addAll(n.authorDomainParse().findings());
                if (findings.stream().noneMatch(x -> x.id() == FindingId.NO_RECORD)) {
                    findings.add(DmarcFinding.of(FindingId.NO_RECORD, "No usable DMARC record at " + domain
                            + " or above it.", "Publish v=DMARC1; p=none; rua=mailto:… at _dmarc." + domain + "."));
                }
            }
            case PolicyDiscovery.Unusable u -> findings.addAll(u.authorDomainParse().findings());
            case PolicyDiscovery.TempError t -> findings.add(DmarcFinding.of(FindingId.DNS_FAILURE,
                    "The DMARC policy of " + domain + " is unknown: " + t.failure().describe() + ".",
                    "Retry; if it persists, check the authoritative name servers of " + domain + "."));
        }
        if (!(d instanceof PolicyDiscovery.TempError) && !d.walk().failures().isEmpty()) {
            findings.add(DmarcFinding.of(FindingId.WALK_INCOMPLETE, "The DNS tree walk could not ask "
                    + d.walk().failures().size() + " name(s) (" + d.walk().failures().getFirst().describe()
                    + "); the organizational domain " + org.domain() + " is the best answer from the names that "
                    + "answered, and a record at a failed name could change it.", null));
        }
        if (!(d instanceof PolicyDiscovery.TempError) && !pslOrg.equals(Optional.of(org.domain()))) {
            String explanation = "The organizational domain differs by method: RFC 9989 tree walk " + org.domain()
                    + ", RFC 7489 Public Suffix List " + pslOrg.orElse("(none: " + domain + " is a public suffix)")
                    + ". Receivers still on RFC 7489 may align identifiers and pick policies differently.";
            String fix = "Publish DMARC records at every Author Domain you use, and prefer strict alignment, so both "
                    + "methods agree (RFC 9989, changes from RFC 7489).";
            findings.add(org instanceof OrganizationalDomain.Indeterminate
                    ? new DmarcFinding(FindingId.ORG_DOMAIN_METHODS_DIFFER, Severity.INFO,
                    explanation + " (The tree walk was incomplete.)", Optional.of(fix))
                    : DmarcFinding.of(FindingId.ORG_DOMAIN_METHODS_DIFFER, explanation, fix));
        }
        for (ReportDestination r : dests) {
            if (r.status() == DestinationStatus.NOT_AUTHORIZED) {
                findings.add(DmarcFinding.of(FindingId.REPORT_DESTINATION_UNAUTHORIZED, r.explanation(),
                        "Ask the operator of " + r.destinationDomain().orElse("the destination") + " to publish TXT "
                                + r.queryName().orElse("") + " \"v=DMARC1\", or report to an address of your own."));
            } else if (r.status() == DestinationStatus.UNKNOWN) {
                findings.add(DmarcFinding.of(FindingId.REPORT_DESTINATION_UNKNOWN, r.explanation()));
            }
        }
        return new DmarcCheckReport(domain, d, org, pslOrg, dests, findings, outcome(d, findings));
    }

    static CheckOutcome outcome(PolicyDiscovery d, List<DmarcFinding> findings) {
        if (d instanceof PolicyDiscovery.TempError) {
            return CheckOutcome.TEMPERROR;
        }
        if (!(d instanceof PolicyDiscovery.Found) || findings.stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
            return CheckOutcome.FAIL;
        }
        return findings.stream().anyMatch(f -> f.severity() == Severity.WARNING) ? CheckOutcome.WARN
                : CheckOutcome.PASS;
    }
}
