package org.maildoctor.auth.dmarc;

/**
 * An SPF (RFC 7208 §2.6) or DKIM (RFC 8601 §2.7.1) result as DMARC needs it. Only {@code pass} yields
 * an Authenticated Identifier; {@code temperror} means the identifier might have passed. When the
 * {@code auth.spf} and {@code auth.dkim} engines land, their verdicts map onto this.
 */
public enum AuthResult {
    PASS,
    FAIL,
    SOFTFAIL,
    NEUTRAL,
    NONE,
    POLICY,
    TEMPERROR,
    PERMERROR;

    public String token() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
