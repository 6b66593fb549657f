package org.maildoctor.warmup.tracking;

import java.util.Locale;

/** The signals that make warm-up slow down, as alerts. */
public enum AlertKind {
    SPAM_PLACEMENT("Spam placement"),
    BOUNCE_RATE("Bounce rate"),
    AUTH_FAILURE("Authentication failures");

    private final String label;

    AlertKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The JSON name: {@code spam-placement}, {@code bounce-rate}, {@code auth-failure}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
