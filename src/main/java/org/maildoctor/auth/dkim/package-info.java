/**
 * DKIM (RFC 6376) with the RFC 8301 algorithm and key-size rules and RFC 8463 Ed25519: verification
 * of every signature on a message, signing, key generation and selector discovery.
 *
 * <p>Pure core: works on the raw message bytes (no MIME library may re-encode them, because the
 * signature covers exact bytes), asks DNS only through {@link org.maildoctor.dns.Resolver} and reads
 * the time only from an injected {@link java.time.Clock}.
 *
 * <ul>
 * <li>{@link org.maildoctor.auth.dkim.DkimVerifier#verify} → one {@link org.maildoctor.auth.dkim.DkimSignatureResult}
 *     per {@code DKIM-Signature}, each with a {@link org.maildoctor.auth.dkim.DkimVerdict} and a
 *     {@link org.maildoctor.auth.dkim.FailureReason}.</li>
 * <li>{@link org.maildoctor.auth.dkim.DkimSigner} and {@link org.maildoctor.auth.dkim.DkimKeyGenerator}.</li>
 * <li>{@link org.maildoctor.auth.dkim.DkimSelectorProbe}: which common selectors publish a key.</li>
 * </ul>
 */
package org.maildoctor.auth.dkim;
