package org.maildoctor.auth.dmarc;

/** Whether a report destination may receive reports for the policy domain (RFC 7489 §7.1). */
public enum DestinationStatus {
    /** Same organizational domain as the policy domain: no authorization needed. */
    SAME_ORGANIZATION,
    /** {@code <policy-domain>._report._dmarc.<destination>} publishes a v=DMARC1 record. */
    AUTHORIZED,
    /** It does not: receivers will not send reports there. */
    NOT_AUTHORIZED,
    /** The authorization lookup failed: unknown, not "not authorized". */
    UNKNOWN,
    /** The URI names no domain (an unusual scheme), so there is nothing to check. */
    NOT_CHECKED;

    public String token() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
