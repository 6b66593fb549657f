package org.maildoctor.auth.dkim;

/**
 * A DKIM key record fetched and parsed for one signature (RFC 6376 6.1.2), or why there is none.
 * Shared by DKIM-Signature and ARC (RFC 8617 seals and message signatures use DKIM keys).
 */
public sealed interface KeyLookup {

    /** A key record that parsed; whether it fits the signature is {@link DkimVerifier#keyUnfit}'s question. */
    record Found(DkimKeyRecord key) implements KeyLookup {
    }

    /** No usable key; {@code reason} carries the verdict (PERMERROR, or TEMPERROR for DNS trouble). */
    record Failed(FailureReason reason, String explanation) implements KeyLookup {
    }
}
