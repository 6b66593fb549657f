package org.maildoctor.audit;

import java.util.Locale;

/** The verdict of one audit check. {@link #UNKNOWN} when DNS did not give an authoritative answer. */
public enum CheckStatus {
    PASS, WARN, FAIL, UNKNOWN;

    /** The lower-case name used in JSON ({@code pass}, {@code warn}, {@code fail}, {@code unknown}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The worse of two statuses: fail &gt; unknown &gt; warn &gt; pass. */
    public CheckStatus worst(CheckStatus other) {
        return rank() >= other.rank() ? this : other;
    }

    private int rank() {
        return switch (this) {
            case PASS -> 0;
            case WARN -> 1;
            case UNKNOWN -> 2;
            case FAIL -> 3;
        };
    }
}
