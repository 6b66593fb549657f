package org.maildoctor.auth.dmarc;

import java.util.Optional;

/**
 * One {@code rua}/{@code ruf} destination and its external-destination verification.
 *
 * @param queryName the authorization name asked, {@code <policy-domain>._report._dmarc.<destination>}
 */
public record ReportDestination(ReportKind kind, ReportUri uri, Optional<String> destinationDomain,
                                DestinationStatus status, Optional<String> queryName, String explanation) {
}
