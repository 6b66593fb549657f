package org.maildoctor.auth.arc;

/** Why an ARC chain failed, by the step of RFC 8617 5.2 that decided it, with what the forwarder can do. */
public enum ArcFailure {
    /** The chain passed, or there is none. */
    NONE("", ""),
    /** 5.2 step 1: more than 50 ARC sets, or an instance above 50 (4.2.1). */
    TOO_MANY_SETS("more than 50 ARC sets", "A message should not pass more than a few forwarders; look for a mail loop."),
    /** 5.2 step 2: the newest ARC-Seal carries cv=fail, so a forwarder already found the chain broken. */
    SEALED_AS_FAILED("newest seal says cv=fail", "A forwarder found the chain broken before it reached us; check the earliest forwarder's signing."),
    /** 5.2 step 3: an ARC header field without a readable instance tag i=. */
    MALFORMED_INSTANCE("ARC field without a valid i=", "Fix the ARC signer: every ARC header field carries i=1..50."),
    /** 5.2 step 3: an instance lacks one of its three fields, or the instances have a gap. */
    INCOMPLETE_SET("incomplete ARC set", "Fix the ARC signer: each instance needs exactly one ARC-Authentication-Results, ARC-Message-Signature and ARC-Seal, numbered 1..N without gaps."),
    /** 5.2 step 3: an instance has two fields of the same kind. */
    DUPLICATE_FIELD("duplicate ARC field", "Fix the ARC signer (or the software that copies headers): one field of each kind per instance."),
    /** 5.2 step 3: cv= is not none at i=1 or not pass above it. */
    INVALID_CV("cv= out of sequence", "The first seal must say cv=none and every later one cv=pass; fix the sealing forwarder."),
    /** 4.1.3: an ARC-Seal that is not a valid tag-list or lacks a required tag. */
    SEAL_SYNTAX("ARC-Seal syntax", "Fix the ARC signer: an ARC-Seal has i=, a=, b=, cv=, d=, s= and no h=."),
    /** 5.2 step 4: the newest ARC-Message-Signature does not verify. */
    MESSAGE_SIGNATURE("newest ARC-Message-Signature does not verify", "The message changed after the last forwarder sealed it, or that forwarder's key does not match; seal after all rewriting."),
    /** 5.2 step 6: the key of an ARC-Seal is missing, revoked, unfit or too weak. */
    SEAL_KEY("ARC-Seal key unusable", "Publish the sealing key at selector._domainkey.domain (RSA, at least 1024 bits; 2048 recommended)."),
    /** 5.2 step 6: an ARC-Seal does not verify over the ARC sets. */
    SEAL_SIGNATURE("ARC-Seal does not verify", "An ARC header field changed after sealing, or the published key is not the sealing key."),
    /** A key could not be fetched (DNS timeout, SERVFAIL): the chain's state is unknown, not known bad. */
    KEY_TEMPORARY("DNS temporary failure", "Retry later; if it persists, check the forwarder's DNS servers.");

    private final String text;
    private final String fix;

    ArcFailure(String text, String fix) {
        this.text = text;
        this.fix = fix;
    }

    /** Short human text. */
    public String text() {
        return text;
    }

    /** What the responsible administrator can do; empty for {@link #NONE}. */
    public String fix() {
        return fix;
    }
}
