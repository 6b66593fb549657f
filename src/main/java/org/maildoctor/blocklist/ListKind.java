package org.maildoctor.blocklist;

import java.util.Locale;

/** What a list is keyed by (RFC 5782 §2: IP address lists, §3: domain name lists). */
public enum ListKind {
    IP, DOMAIN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
