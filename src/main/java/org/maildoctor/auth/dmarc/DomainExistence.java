package org.maildoctor.auth.dmarc;

/**
 * Whether the Author Domain exists, which decides between {@code sp} and {@code np} (RFC 9989 §4.10.1;
 * "non-existent" is RFC 8020's: the name answers NXDOMAIN).
 */
public enum DomainExistence {
    EXISTS,
    DOES_NOT_EXIST,
    /** The existence lookup failed; {@code sp} is applied and the doubt reported. */
    UNKNOWN;

    public String token() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
