package org.maildoctor.blocklist;

import java.util.Locale;

/** The outcome of a list's RFC 5782 §5 sanity probe. */
public enum ProbeStatus {
    /** The listed test point is listed and the clean one is not. */
    HEALTHY,
    /** The clean test point is listed. */
    LISTS_EVERYTHING,
    /** The listed test point is not listed. */
    LISTS_NOTHING,
    /** The probe got no clear answer (refused, timeout, DNS failure); the list's verdict stands as answered. */
    INCONCLUSIVE;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
