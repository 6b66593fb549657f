package org.maildoctor.generate;

import java.util.Locale;
import java.util.Optional;

/** RFC 8461 §5: {@code enforce}, {@code testing} or {@code none}. */
public enum MtaStsMode {
    ENFORCE, TESTING, NONE;

    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MtaStsMode> parse(String text) {
        for (MtaStsMode m : values()) {
            if (m.token().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
