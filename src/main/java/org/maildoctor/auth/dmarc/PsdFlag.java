package org.maildoctor.auth.dmarc;

import java.util.Locale;
import java.util.Optional;

/**
 * The {@code psd} tag (RFC 9989 §4.7): {@code y} the domain is a Public Suffix Domain, {@code n} it is
 * an Organizational Domain for itself and its subdomains, {@code u} (default) the DNS Tree Walk decides.
 */
public enum PsdFlag {
    YES("y"),
    NO("n"),
    UNKNOWN("u");

    private final String token;

    PsdFlag(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    public static Optional<PsdFlag> parse(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        for (PsdFlag f : values()) {
            if (f.token.equals(v)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** {@code psd=y} and {@code psd=n} stop the DNS Tree Walk (RFC 9989 §4.10 steps 2 and 6). */
    public boolean stopsTreeWalk() {
        return this != UNKNOWN;
    }
}
