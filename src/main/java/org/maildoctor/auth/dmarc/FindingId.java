package org.maildoctor.auth.dmarc;

import org.maildoctor.model.Severity;

/**
 * Every kind of DMARC finding, with its stable id (used in JSON and docs) and its usual severity.
 * A closed set so that no caller matches on loose strings.
 */
public enum FindingId {
    // --- record selection at _dmarc.<domain> (RFC 9989 §4.10 step 2; RFC 7489 §6.6.3)
    NO_RECORD("dmarc.no-record", Severity.WARNING),
    MULTIPLE_RECORDS("dmarc.multiple-records", Severity.ERROR),
    UNRELATED_TXT("dmarc.unrelated-txt", Severity.ERROR),
    LEADING_WHITESPACE("dmarc.leading-whitespace", Severity.ERROR),
    NOT_DMARC("dmarc.not-dmarc", Severity.ERROR),
    SPF_AT_DMARC("dmarc.spf-at-dmarc", Severity.ERROR),
    // --- syntax (RFC 9989 "Formal Definition")
    SYNTAX("dmarc.syntax", Severity.ERROR),
    DUPLICATE_TAG("dmarc.duplicate-tag", Severity.ERROR),
    INVALID_TAG_VALUE("dmarc.invalid-tag-value", Severity.ERROR),
    INVALID_URI("dmarc.invalid-uri", Severity.ERROR),
    UNKNOWN_TAG("dmarc.unknown-tag", Severity.INFO),
    DEPRECATED_TAG("dmarc.deprecated-tag", Severity.WARNING),
    URI_SIZE_LIMIT("dmarc.uri-size-limit", Severity.INFO),
    URI_UNSUPPORTED_SCHEME("dmarc.uri-unsupported-scheme", Severity.INFO),
    P_NOT_SECOND("dmarc.p-not-second", Severity.INFO),
    FO_REDUNDANT("dmarc.fo-redundant", Severity.INFO),
    FO_WITHOUT_RUF("dmarc.fo-without-ruf", Severity.INFO),
    // --- policy advice
    NO_POLICY("dmarc.no-policy", Severity.WARNING),
    POLICY_NONE("dmarc.policy-none", Severity.WARNING),
    SUBDOMAIN_POLICY_WEAKER("dmarc.subdomain-policy-weaker", Severity.WARNING),
    TESTING_MODE("dmarc.testing-mode", Severity.INFO),
    NO_RUA("dmarc.no-rua", Severity.INFO),
    PARKED_NOT_REJECT("dmarc.parked-not-reject", Severity.WARNING),
    // --- discovery (RFC 9989 §4.10)
    POLICY_INHERITED("dmarc.policy-inherited", Severity.INFO),
    WALK_INCOMPLETE("dmarc.walk-incomplete", Severity.INFO),
    ORG_DOMAIN_METHODS_DIFFER("dmarc.org-domain-methods-differ", Severity.WARNING),
    DNS_FAILURE("dmarc.dns-failure", Severity.ERROR),
    // --- external report destinations (RFC 7489 §7.1)
    REPORT_DESTINATION_UNAUTHORIZED("dmarc.report-destination-unauthorized", Severity.WARNING),
    REPORT_DESTINATION_UNKNOWN("dmarc.report-destination-unknown", Severity.INFO);

    private final String id;
    private final Severity severity;

    FindingId(String id, Severity severity) {
        this.id = id;
        this.severity = severity;
    }

    /** The stable id, e.g. {@code dmarc.syntax}. */
    public String id() {
        return id;
    }

    public Severity defaultSeverity() {
        return severity;
    }
}
