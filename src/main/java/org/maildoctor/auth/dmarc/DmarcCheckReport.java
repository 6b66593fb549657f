package org.maildoctor.auth.dmarc;

import java.util.List;
import java.util.Optional;

/**
 * Everything {@code maildoctor dmarc check DOMAIN} reports about one domain.
 *
 * @param organizationalDomain    by the RFC 9989 DNS Tree Walk
 * @param pslOrganizationalDomain by the RFC 7489 Public Suffix List method; empty if the domain is a public suffix
 */
public record DmarcCheckReport(String domain, PolicyDiscovery discovery, OrganizationalDomain organizationalDomain,
                               Optional<String> pslOrganizationalDomain, List<ReportDestination> reportDestinations,
                               List<DmarcFinding> findings, CheckOutcome outcome) {
    public DmarcCheckReport {
        reportDestinations = List.copyOf(reportDestinations);
        findings = List.copyOf(findings);
    }
}
