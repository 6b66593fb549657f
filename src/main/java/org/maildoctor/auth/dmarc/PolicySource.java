package org.maildoctor.auth.dmarc;

/** Where the applied record was found (RFC 9989 §4.10.1, in order of preference). */
public enum PolicySource {
    AUTHOR_DOMAIN,
    ORGANIZATIONAL_DOMAIN,
    PUBLIC_SUFFIX_DOMAIN;

    public String token() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
