package org.maildoctor.auth.dkim;

/**
 * Why a signature did not pass. Each reason fixes its verdict, so a reason can never be reported with
 * a contradictory verdict. The RFC clause that decides is in the description.
 */
public enum FailureReason {
    /** The signature passed. */
    NONE(DkimVerdict.PASS, "none"),
    /** RFC 6376 6.1.3: the canonicalized body does not hash to {@code bh=}. */
    BODY_HASH_MISMATCH(DkimVerdict.FAIL, "body hash mismatch"),
    /** RFC 6376 6.1.3: the header hash does not verify against {@code b=} with the published key. */
    SIGNATURE_MISMATCH(DkimVerdict.FAIL, "signature mismatch"),
    /** RFC 8301 3.1: rsa-sha1 MUST NOT be used for verifying. */
    WEAK_ALGORITHM(DkimVerdict.FAIL, "weak algorithm, RFC 8301"),
    /** RFC 8301 3.2: RSA keys under 1024 bits MUST NOT be considered valid. */
    KEY_TOO_SHORT(DkimVerdict.FAIL, "key too short, RFC 8301"),
    /** RFC 6376 6.1.1: the signature header is not a valid tag-list or misses/garbles a required tag. */
    SYNTAX(DkimVerdict.PERMERROR, "syntax"),
    /** RFC 6376 6.1.1: {@code a=} names an algorithm this verifier does not implement (rsa-md5, dsa-sha1 …). */
    UNSUPPORTED_ALGORITHM(DkimVerdict.PERMERROR, "unsupported algorithm"),
    /** RFC 6376 6.1.1: {@code q=} lists no query method we support (only dns/txt exists). */
    UNSUPPORTED_QUERY_METHOD(DkimVerdict.PERMERROR, "unsupported query method"),
    /** RFC 6376 6.1.1: the From header field is not in {@code h=}. */
    FROM_NOT_SIGNED(DkimVerdict.PERMERROR, "From not signed"),
    /** RFC 6376 6.1.1: {@code i=} is not in {@code d=} or a subdomain (or, with key {@code t=s}, not equal). */
    DOMAIN_MISMATCH(DkimVerdict.PERMERROR, "i= domain mismatch"),
    /** RFC 6376 6.1.1: {@code x=} is in the past. */
    EXPIRED(DkimVerdict.PERMERROR, "expired"),
    /** RFC 6376 3.5 {@code t=}: a signature from the future (beyond clock skew) MAY be ignored. */
    FUTURE_TIMESTAMP(DkimVerdict.PERMERROR, "timestamp in the future"),
    /** RFC 6376 6.1.2: NXDOMAIN or no TXT record at the selector name. */
    KEY_NOT_FOUND(DkimVerdict.PERMERROR, "key not found"),
    /** RFC 6376 3.6.1: {@code p=} is empty. */
    KEY_REVOKED(DkimVerdict.PERMERROR, "key revoked"),
    /** RFC 6376 6.1.2: the key record is not a valid tag-list, has a bad {@code v=} or no {@code p=}, or p= is not a key. */
    KEY_SYNTAX(DkimVerdict.PERMERROR, "key syntax"),
    /** RFC 6376 3.6.1 {@code k=}: the key type does not fit the signature algorithm, or is unknown. */
    KEY_TYPE_MISMATCH(DkimVerdict.PERMERROR, "key type mismatch"),
    /** RFC 6376 3.6.1 {@code h=}: the key does not allow the signature's hash algorithm. */
    HASH_NOT_ALLOWED(DkimVerdict.PERMERROR, "hash not allowed by key"),
    /** RFC 6376 3.6.1 {@code s=}: the key is not for email. */
    KEY_NOT_FOR_EMAIL(DkimVerdict.PERMERROR, "key not for email"),
    /** RFC 6376 3.4.5: {@code l=} is longer than the canonicalized body. */
    BODY_TOO_SHORT(DkimVerdict.PERMERROR, "body shorter than l="),
    /** More signatures than the verifier evaluates (a cost bound against abusive messages). */
    SIGNATURE_LIMIT(DkimVerdict.PERMERROR, "too many signatures"),
    /** RFC 6376 6.1.2: the key lookup failed temporarily (timeout, SERVFAIL, REFUSED, unreachable). */
    DNS_TEMPORARY(DkimVerdict.TEMPERROR, "DNS temporary failure");

    private final DkimVerdict verdict;
    private final String text;

    FailureReason(DkimVerdict verdict, String text) {
        this.verdict = verdict;
        this.text = text;
    }

    public DkimVerdict verdict() {
        return verdict;
    }

    /** Short human text, e.g. {@code weak algorithm, RFC 8301}. */
    public String text() {
        return text;
    }
}
