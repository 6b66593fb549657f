package org.maildoctor.auth.dmarc;

/** The verdict of a domain's DMARC check. */
public enum CheckOutcome {
    /** A usable policy and no warnings. */
    PASS,
    /** A usable policy with warnings (p=none, unauthorized report destination, …). */
    WARN,
    /** No policy applies, or the record has errors. */
    FAIL,
    /** A DNS failure left the policy unknown. */
    TEMPERROR;

    public String token() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
