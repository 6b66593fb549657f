package org.maildoctor.blocklist;

import java.util.Locale;

/** Why a list gave no usable answer. None of these is a listing, and none is a clean bill. */
public enum UnknownCause {
    /** The list answered with one of its error codes (Spamhaus 127.255.255.254 …) or DNS REFUSED. */
    QUERY_REFUSED("query refused"),
    /** No answer within the list's timeout. */
    TIMEOUT("timeout"),
    /** SERVFAIL, an unreachable server, a malformed reply. */
    DNS_FAILURE("DNS failure"),
    /** An answer outside 127.0.0.0/8 (RFC 5782 §2.3): a hijacked or wildcarded zone, not a listing. */
    UNEXPECTED_ANSWER("unexpected answer"),
    /** The sanity probe found the list listing 127.0.0.1: it lists everything (a dead list's trap). */
    LIST_LISTS_EVERYTHING("list lists everything"),
    /** The sanity probe found 127.0.0.2 not listed: the list is dead or unreachable for us. */
    LIST_LISTS_NOTHING("list lists nothing"),
    /** The query name would exceed DNS limits (a very long domain plus the zone). */
    NAME_TOO_LONG("query name too long");

    private final String words;

    UnknownCause(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
