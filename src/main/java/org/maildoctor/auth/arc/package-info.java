/**
 * ARC (RFC 8617): validation of the Authenticated Received Chain a forwarder or mailing list adds.
 *
 * <p>Pure core over the raw message bytes, like {@code auth.dkim}, whose engine it reuses: the
 * newest ARC-Message-Signature is verified by {@link org.maildoctor.auth.dkim.DkimVerifier} (same
 * canonicalization, body hash and key lookup), and each ARC-Seal with the DKIM key lookup, key rules
 * and signature check over the ARC header fields. Keys come through {@link org.maildoctor.dns.Resolver}.
 *
 * <ul>
 * <li>{@link org.maildoctor.auth.arc.ArcChainReader}: RFC 8617 5.2 steps 1-3 (sets by instance, the
 *     50-set limit, cv= rules), pure.</li>
 * <li>{@link org.maildoctor.auth.arc.ArcVerifier#verifyAsync} → {@link org.maildoctor.auth.arc.ArcValidation}
 *     ({@code none} / {@code pass} / {@code fail}, the failing instance and {@link org.maildoctor.auth.arc.ArcFailure},
 *     the oldest-pass instance).</li>
 * </ul>
 */
package org.maildoctor.auth.arc;
