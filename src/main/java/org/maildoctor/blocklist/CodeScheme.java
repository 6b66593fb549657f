package org.maildoctor.blocklist;

import java.util.Locale;

/**
 * How a list encodes its reasons in the A record: the whole address is one code (Spamhaus,
 * most lists), or the last octet is a bitmask of sublists (URIBL, SURBL "multi" zones).
 */
public enum CodeScheme {
    EXACT, BITMASK;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
