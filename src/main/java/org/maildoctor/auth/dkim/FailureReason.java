package org.maildoctor.auth.dkim;

/**
 * Why a signature did not pass. Each reason fixes its verdict, so a reason can never be reported with
 * a contradictory verdict. The RFC clause that decides is in the description.
 */
public enum FailureReason {
    /** The signature passed. */
    NONE(DkimVerdict.PASS, "none", ""),
    /** RFC 6376 6.1.3: the canonicalized body does not hash to {@code bh=}. */
    BODY_HASH_MISMATCH(DkimVerdict.FAIL, "body hash mismatch", "Something changed the body after signing (a footer, a line-wrapping or encoding gateway, a mailing list). Sign after all rewriting, or use c=relaxed/relaxed."),
    /** RFC 6376 6.1.3: the header hash does not verify against {@code b=} with the published key. */
    SIGNATURE_MISMATCH(DkimVerdict.FAIL, "signature mismatch", "A signed header changed in transit, or the published key is not the one that signed. Compare the p= in DNS with the signing key; sign after any header rewriting."),
    /** RFC 8301 3.1: rsa-sha1 MUST NOT be used for verifying. */
    WEAK_ALGORITHM(DkimVerdict.FAIL, "weak algorithm, RFC 8301", "Sign with rsa-sha256 (or ed25519-sha256 alongside it); rsa-sha1 is no longer accepted."),
    /** RFC 8301 3.2: RSA keys under 1024 bits MUST NOT be considered valid. */
    KEY_TOO_SHORT(DkimVerdict.FAIL, "key too short, RFC 8301", "Publish a new 2048-bit RSA key under a new selector and sign with it."),
    /** RFC 6376 6.1.1: the signature header is not a valid tag-list or misses/garbles a required tag. */
    SYNTAX(DkimVerdict.PERMERROR, "syntax", "Fix the signer: it produced a DKIM-Signature that is not valid RFC 6376 (v=1 and all required tags)."),
    /** RFC 6376 6.1.1: {@code a=} names an algorithm this verifier does not implement (rsa-md5, dsa-sha1 …). */
    UNSUPPORTED_ALGORITHM(DkimVerdict.PERMERROR, "unsupported algorithm", "Sign with rsa-sha256 or ed25519-sha256."),
    /** RFC 6376 6.1.1: {@code q=} lists no query method we support (only dns/txt exists). */
    UNSUPPORTED_QUERY_METHOD(DkimVerdict.PERMERROR, "unsupported query method", "Omit q= or set q=dns/txt."),
    /** RFC 6376 6.1.1: the From header field is not in {@code h=}. */
    FROM_NOT_SIGNED(DkimVerdict.PERMERROR, "From not signed", "Include From in the signed header fields (h=)."),
    /** RFC 6376 6.1.1: {@code i=} is not in {@code d=} or a subdomain (or, with key {@code t=s}, not equal). */
    DOMAIN_MISMATCH(DkimVerdict.PERMERROR, "i= domain mismatch", "Make i= an address at d= or one of its subdomains (or drop t=s from the key record)."),
    /** RFC 6376 6.1.1: {@code x=} is in the past. */
    EXPIRED(DkimVerdict.PERMERROR, "expired", "The signature is older than its x= allows: sign closer to sending time or use a longer expiry."),
    /** RFC 6376 3.5 {@code t=}: a signature from the future (beyond clock skew) MAY be ignored. */
    FUTURE_TIMESTAMP(DkimVerdict.PERMERROR, "timestamp in the future", "The signing host's clock is ahead: synchronise it (NTP)."),
    /** RFC 6376 6.1.2: NXDOMAIN or no TXT record at the selector name. */
    KEY_NOT_FOUND(DkimVerdict.PERMERROR, "key not found", "Publish the key as a TXT record at selector._domainkey.domain, or sign with a selector that is published."),
    /** RFC 6376 3.6.1: {@code p=} is empty. */
    KEY_REVOKED(DkimVerdict.PERMERROR, "key revoked", "The key was revoked (empty p=): sign with a current selector."),
    /** RFC 6376 6.1.2: the key record is not a valid tag-list, has a bad {@code v=} or no {@code p=}, or p= is not a key. */
    KEY_SYNTAX(DkimVerdict.PERMERROR, "key syntax", "Republish the key record: v=DKIM1; k=rsa|ed25519; p=<base64 key> (Ed25519: the raw 32-byte key)."),
    /** RFC 6376 3.6.1 {@code k=}: the key type does not fit the signature algorithm, or is unknown. */
    KEY_TYPE_MISMATCH(DkimVerdict.PERMERROR, "key type mismatch", "Publish k= matching the signing algorithm (k=rsa for rsa-sha256, k=ed25519 for ed25519-sha256)."),
    /** RFC 6376 3.6.1 {@code h=}: the key does not allow the signature's hash algorithm. */
    HASH_NOT_ALLOWED(DkimVerdict.PERMERROR, "hash not allowed by key", "Remove h= from the key record or include sha256 in it."),
    /** RFC 6376 3.6.1 {@code s=}: the key is not for email. */
    KEY_NOT_FOR_EMAIL(DkimVerdict.PERMERROR, "key not for email", "Remove s= from the key record or set s=email."),
    /** RFC 6376 3.4.5: {@code l=} is longer than the canonicalized body. */
    BODY_TOO_SHORT(DkimVerdict.PERMERROR, "body shorter than l=", "The body was cut after signing; better, stop using l= (RFC 6376 8.2)."),
    /** More signatures than the verifier evaluates (a cost bound against abusive messages). */
    SIGNATURE_LIMIT(DkimVerdict.PERMERROR, "too many signatures", "Remove stale DKIM-Signature fields; a message rarely needs more than two or three."),
    /** RFC 6376 6.1.2: the key lookup failed temporarily (timeout, SERVFAIL, REFUSED, unreachable). */
    DNS_TEMPORARY(DkimVerdict.TEMPERROR, "DNS temporary failure", "Retry later; if it persists, check the domain's DNS servers.");

    private final DkimVerdict verdict;
    private final String text;
    private final String fix;

    FailureReason(DkimVerdict verdict, String text, String fix) {
        this.verdict = verdict;
        this.text = text;
        this.fix = fix;
    }

    /** What the sender's administrator can do about it; empty for {@link #NONE}. */
    public String fix() {
        return fix;
    }

    public DkimVerdict verdict() {
        return verdict;
    }

    /** Short human text, e.g. {@code weak algorithm, RFC 8301}. */
    public String text() {
        return text;
    }
}
