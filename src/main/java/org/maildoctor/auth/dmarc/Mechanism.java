package org.maildoctor.auth.dmarc;

/** The authentication mechanisms whose identifiers DMARC aligns (RFC 9989 "Authentication Mechanisms"; RFC 7489 §4.1). */
public enum Mechanism {
    SPF,
    DKIM;

    public String token() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
