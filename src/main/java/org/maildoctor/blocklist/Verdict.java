package org.maildoctor.blocklist;

import java.util.Locale;

/** What one list says about the target. {@link #UNKNOWN} always carries an {@link UnknownCause}. */
public enum Verdict {
    LISTED, NOT_LISTED, UNKNOWN;

    /** The JSON spelling: {@code listed}, {@code not-listed}, {@code unknown}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
