package org.maildoctor.auth.dkim;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * The result of one DKIM-Signature. {@code reason} is {@link FailureReason#NONE} exactly when the
 * verdict is PASS; the body hash and the header signature are reported separately, so a message whose
 * body changed AND whose headers changed says both.
 *
 * @param domain      {@code d=} ({@code ""} when the signature could not be read)
 * @param selector    {@code s=}
 * @param algorithm   {@code a=} as written
 * @param keyBits     RSA modulus bits, 256 for Ed25519; empty when no key was obtained
 * @param testing     the key record says {@code t=y}
 * @param explanation one human sentence
 */
public record DkimSignatureResult(DkimVerdict verdict, FailureReason reason, String explanation, String domain,
                                  String selector, String algorithm, OptionalInt keyBits, BodyHashCheck bodyHash,
                                  SignatureCheck signature, boolean testing) {
    public DkimSignatureResult {
        Objects.requireNonNull(verdict);
        Objects.requireNonNull(reason);
        if (reason.verdict() != verdict) {
            throw new IllegalArgumentException(reason + " is a " + reason.verdict() + ", not " + verdict);
        }
    }

    static DkimSignatureResult of(FailureReason reason, String explanation, String domain, String selector,
                                  String algorithm, OptionalInt keyBits, BodyHashCheck bodyHash,
                                  SignatureCheck signature, boolean testing) {
        return new DkimSignatureResult(reason.verdict(), reason, explanation, domain, selector, algorithm, keyBits,
                bodyHash, signature, testing);
    }

    /** A signature that could not be parsed. */
    static DkimSignatureResult invalid(SignatureParse.Invalid invalid) {
        return of(invalid.reason(), invalid.explanation(), invalid.domain(), invalid.selector(), invalid.algorithm(),
                OptionalInt.empty(), BodyHashCheck.NOT_CHECKED, SignatureCheck.NOT_CHECKED, false);
    }

    /** {@code d=example.com s=sel a=rsa-sha256: pass}. */
    public String summary() {
        String who = "d=" + (domain.isEmpty() ? "?" : domain) + " s=" + (selector.isEmpty() ? "?" : selector);
        return who + ": " + verdict.word() + (reason == FailureReason.NONE ? "" : " (" + reason.text() + ")");
    }
}
