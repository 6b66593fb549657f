package org.maildoctor.auth.dmarc;

/** The DMARC result of a message, as in Authentication-Results ("dmarc" method, RFC 7489 §11.2). */
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
