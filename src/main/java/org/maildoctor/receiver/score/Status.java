package org.maildoctor.receiver.score;

import java.util.Locale;

/** The verdict of one score-card check. */
public enum Status {
    PASS,
    /** Worth knowing, costs nothing. */
    INFO,
    WARN,
    FAIL,
    /** DNS (or another dependency) did not answer: neither pass nor fail. */
    UNKNOWN,
    /** The check could not run here (no blocklist checker configured, ARC signatures not verified). */
    NOT_EVALUATED;

    /** {@code pass}, {@code not-evaluated}, ... as in JSON. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A problem a sender should act on. */
    public boolean isProblem() {
        return this == WARN || this == FAIL;
    }
}
