package org.maildoctor.auth.dmarc;

import java.util.Locale;
import java.util.Optional;

/**
 * {@code adkim} / {@code aspf}: relaxed (same organizational domain) or strict (identical).
 * RFC 9989 §4.7 and "Identifier Alignment Explained"; RFC 7489 §3.1.
 */
public enum AlignmentMode {
    RELAXED("r"),
    STRICT("s");

    private final String token;

    AlignmentMode(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    public static Optional<AlignmentMode> parse(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        for (AlignmentMode m : values()) {
            if (m.token.equals(v)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
