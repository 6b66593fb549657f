package org.maildoctor.auth.dmarc;

/** The DMARC result of a message, as in Authentication-Results (RFC 8601 §2.7.1; RFC 9989 §4.9). */
public enum DmarcResult {
    PASS,
    FAIL,
    /** No DMARC record applies. */
    NONE,
    /** A DNS failure kept the answer open; never reported as fail. */
    TEMPERROR,
    /** The applicable record is unusable. */
    PERMERROR;

    public String token() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
