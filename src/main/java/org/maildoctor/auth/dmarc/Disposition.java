package org.maildoctor.auth.dmarc;

/** What the Domain Owner asks the receiver to do with the message. */
public enum Disposition {
    NONE,
    QUARANTINE,
    REJECT;

    static Disposition of(Policy p) {
        return switch (p) {
            case NONE -> NONE;
            case QUARANTINE -> QUARANTINE;
            case REJECT -> REJECT;
        };
    }

    public String token() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
