package org.maildoctor.model;

import java.util.Locale;

/**
 * How much an engine finding matters, shared by the SPF, DMARC and other linters: INFO is advice
 * with nothing to fix; WARNING works today but is fragile, deprecated or weakens the policy; ERROR
 * makes receivers return permerror or leaves the domain unprotected (for DMARC: the record is invalid).
 */
public enum Severity {
    INFO,
    WARNING,
    ERROR;

    /** The lower-case name used in JSON ({@code info}, {@code warning}, {@code error}). */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }
}
