package org.maildoctor.auth.spf;

import java.util.Locale;

/**
 * The seven results of {@code check_host()} (RFC 7208 2.6). {@link #keyword()} is the lower-case
 * name used in Received-SPF headers and in maildoctor's JSON.
 */
public enum SpfResult {
    /** No syntactically valid domain, or no SPF record (2.6.1). */
    NONE,
    /** The domain owner makes no assertion ({@code ?}, or no mechanism matched: 2.6.2, 4.7). */
    NEUTRAL,
    /** The client is authorised (2.6.3). */
    PASS,
    /** The client is explicitly not authorised (2.6.4). */
    FAIL,
    /** Weak statement that the client is probably not authorised (2.6.5). */
    SOFTFAIL,
    /** A transient (usually DNS) error; a later retry may succeed (2.6.6). Never means "fail". */
    TEMPERROR,
    /** The published records could not be correctly interpreted (2.6.7). */
    PERMERROR;

    /** {@code pass}, {@code softfail}, ... */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a keyword case-insensitively; RFC 4408's old names {@code unknown}/{@code error} included. */
    public static SpfResult fromKeyword(String keyword) {
        String k = keyword.strip().toLowerCase(Locale.ROOT);
        return switch (k) {
            case "unknown" -> PERMERROR;
            case "error" -> TEMPERROR;
            default -> valueOf(k.toUpperCase(Locale.ROOT));
        };
    }

    @Override
    public String toString() {
        return keyword();
    }
}
