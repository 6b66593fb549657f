package org.maildoctor.auth.dmarc;

import java.util.Objects;

/**
 * One authentication outcome of a message: SPF for the RFC5321.MailFrom domain (DMARC ignores the
 * HELO identity: RFC 9989 "SPF-Authenticated Identifiers", RFC 7489 §3.1.2), or one DKIM signature's {@code d=} domain.
 */
public record AuthenticatedIdentifier(Mechanism mechanism, String domain, AuthResult result) {
    public AuthenticatedIdentifier {
        Objects.requireNonNull(mechanism);
        Objects.requireNonNull(domain);
        Objects.requireNonNull(result);
    }

    public static AuthenticatedIdentifier spf(String mailFromDomain, AuthResult result) {
        return new AuthenticatedIdentifier(Mechanism.SPF, mailFromDomain, result);
    }

    public static AuthenticatedIdentifier dkim(String signingDomain, AuthResult result) {
        return new AuthenticatedIdentifier(Mechanism.DKIM, signingDomain, result);
    }
}
