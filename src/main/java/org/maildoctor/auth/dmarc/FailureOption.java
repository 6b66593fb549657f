package org.maildoctor.auth.dmarc;

import java.util.Locale;
import java.util.Optional;

/** One {@code fo} value (RFC 9989 §4.7, RFC 7489 §6.3): when failure reports are wanted. */
public enum FailureOption {
    /** {@code 0}: all mechanisms failed to produce an aligned pass (the default). */
    ALL_FAIL("0"),
    /** {@code 1}: any mechanism produced something other than an aligned pass. */
    ANY_FAIL("1"),
    /** {@code d}: a DKIM signature failed, aligned or not. */
    DKIM_FAIL("d"),
    /** {@code s}: SPF failed, aligned or not. */
    SPF_FAIL("s");

    private final String token;

    FailureOption(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    public static Optional<FailureOption> parse(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        for (FailureOption f : values()) {
            if (f.token.equals(v)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
