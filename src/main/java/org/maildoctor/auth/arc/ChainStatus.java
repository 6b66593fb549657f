package org.maildoctor.auth.arc;

import java.util.Locale;
import java.util.Optional;

/**
 * Chain validation status (RFC 8617 4.4): the {@code cv=} values of an ARC-Seal, and the result of
 * validating a chain as written in Authentication-Results ({@code arc=none|pass|fail}).
 */
public enum ChainStatus {
    NONE, PASS, FAIL;

    /** The lower-case word of {@code cv=} and Authentication-Results. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code cv=} value, case-insensitive (ABNF quoted strings); empty when it is none of the three. */
    public static Optional<ChainStatus> fromTag(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "none" -> Optional.of(NONE);
            case "pass" -> Optional.of(PASS);
            case "fail" -> Optional.of(FAIL);
            default -> Optional.empty();
        };
    }
}
