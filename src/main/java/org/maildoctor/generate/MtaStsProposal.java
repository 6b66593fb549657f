package org.maildoctor.generate;

import java.util.Optional;

/**
 * The MTA-STS policy file to serve, the {@code _mta-sts} TXT record announcing it with a fresh id,
 * and the TLS-RPT record.
 *
 * @param policyUrl   where the policy must be served ({@code https://mta-sts.<domain>/.well-known/mta-sts.txt})
 * @param policyFile  the policy body, CRLF line endings (RFC 8461 §3.2)
 */
public record MtaStsProposal(String domain, String policyUrl, String policyFile, TxtRecord stsRecord,
                             Optional<TxtRecord> tlsRptRecord) {
}
