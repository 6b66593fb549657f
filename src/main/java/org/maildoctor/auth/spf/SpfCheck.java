package org.maildoctor.auth.spf;

/** The lint checks, with stable ids used in JSON and documentation (docs/cli-spf.md). */
public enum SpfCheck {
    NO_RECORD("spf.no-record"),
    MULTIPLE_RECORDS("spf.multiple-records"),
    SYNTAX("spf.syntax"),
    LOOKUPS("spf.lookups"),
    VOID_LOOKUPS("spf.void-lookups"),
    ALL_PASS("spf.all-pass"),
    ALL_NEUTRAL("spf.all-neutral"),
    NO_ALL("spf.no-all"),
    PTR("spf.ptr"),
    STRING_TOO_LONG("spf.string-too-long"),
    TXT_TOO_LARGE("spf.txt-too-large"),
    PRIVATE_IP("spf.private-ip"),
    BROAD_RANGE("spf.broad-range"),
    INCLUDE_UNREACHABLE("spf.include-unreachable"),
    INCLUDE_LOOP("spf.include-loop"),
    DUPLICATE("spf.duplicate"),
    OVERLAP("spf.overlap"),
    REDIRECT_IGNORED("spf.redirect-ignored"),
    MACRO_NOT_FOLLOWED("spf.macro-not-followed"),
    DNS_FAILURE("spf.dns-failure"),
    RR_TYPE("spf.rr-type");

    private final String id;

    SpfCheck(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
