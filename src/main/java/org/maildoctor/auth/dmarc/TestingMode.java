package org.maildoctor.auth.dmarc;

import java.util.Locale;
import java.util.Optional;

/**
 * The {@code t} tag (RFC 9989 §4.7): {@code t=y} asks receivers to apply the policy one level below
 * the published one while the Domain Owner tests; it replaces part of RFC 7489's {@code pct}.
 */
public enum TestingMode {
    /** {@code t=n}, the default: apply the policy as published. */
    OFF("n"),
    /** {@code t=y}: reject is treated as quarantine, quarantine as none. */
    ON("y");

    private final String token;

    TestingMode(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    public static Optional<TestingMode> parse(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        for (TestingMode t : values()) {
            if (t.token.equals(v)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
