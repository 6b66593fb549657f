package org.maildoctor.auth.dmarc;

/** Whether one identifier supports a DMARC pass (RFC 9989 "Identifier Alignment Explained"; RFC 7489 §3.1). */
public enum AlignmentVerdict {
    /** The mechanism passed and its domain aligns with the From domain. */
    ALIGNED,
    /** The mechanism passed, but for a domain that does not align. */
    NOT_ALIGNED,
    /** The mechanism did not pass, so there is no Authenticated Identifier to align. */
    NOT_AUTHENTICATED,
    /** A DNS failure (the mechanism's temperror, or an unfinished tree walk) leaves it open. */
    UNKNOWN;

    public String token() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
