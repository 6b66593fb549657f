package org.maildoctor.auth.dmarc;

import java.util.Locale;
import java.util.Optional;

/**
 * A Domain Owner Assessment Policy: the {@code p}, {@code sp} and {@code np} values
 * (RFC 9989 §4.7; §4.8 ABNF {@code dmarc-request}; RFC 7489 §6.3).
 */
public enum Policy {
    NONE("none"),
    QUARANTINE("quarantine"),
    REJECT("reject");

    private final String token;

    Policy(String token) {
        this.token = token;
    }

    /** The record spelling: {@code none}, {@code quarantine}, {@code reject}. */
    public String token() {
        return token;
    }

    /** ABNF literals are case-insensitive (RFC 5234 §2.3), so {@code ReJect} is {@code reject}. */
    public static Optional<Policy> parse(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        for (Policy p : values()) {
            if (p.token.equals(v)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** One level weaker, as {@code t=y} asks (RFC 9989 §4.7, tag {@code t}): reject→quarantine→none. */
    public Policy oneLevelDown() {
        return switch (this) {
            case REJECT -> QUARANTINE;
            case QUARANTINE, NONE -> NONE;
        };
    }

    /** Whether this policy is weaker than {@code other} (none &lt; quarantine &lt; reject). */
    public boolean weakerThan(Policy other) {
        return ordinal() < other.ordinal();
    }
}
