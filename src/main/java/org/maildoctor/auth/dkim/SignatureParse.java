package org.maildoctor.auth.dkim;

/** Outcome of parsing one DKIM-Signature header field. */
public sealed interface SignatureParse {

    /** A signature that can be evaluated. */
    record Valid(DkimSignature signature) implements SignatureParse {
    }

    /**
     * A signature that cannot be evaluated (RFC 6376 6.1.1: PERMFAIL), with whatever identifying tags
     * could be read ({@code ""} when unknown) for the report.
     */
    record Invalid(FailureReason reason, String explanation, String domain, String selector, String algorithm)
            implements SignatureParse {
    }
}
