package org.maildoctor.auth.arc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.maildoctor.auth.dkim.Canonicalization;
import org.maildoctor.auth.dkim.DkimSignature;
import org.maildoctor.auth.dkim.DkimSignatureResult;
import org.maildoctor.auth.dkim.DkimVerdict;
import org.maildoctor.auth.dkim.DkimVerifier;
import org.maildoctor.auth.dkim.FailureReason;
import org.maildoctor.auth.dkim.HeaderHash;
import org.maildoctor.auth.dkim.KeyLookup;
import org.maildoctor.auth.dkim.RawMessage;
import org.maildoctor.auth.dkim.SignatureCheck;
import org.maildoctor.dns.Resolver;

/**
 * Validates the ARC chain of a message (RFC 8617 5.2):
 * <ol>
 * <li>steps 1-3, the structure ({@link ArcChainReader});</li>
 * <li>step 4, the newest ARC-Message-Signature, verified by the DKIM engine;</li>
 * <li>step 5, the oldest-pass instance (the older AMSs, newest first, until one fails);</li>
 * <li>step 6, every ARC-Seal from N down to 1, over the ARC sets 1..i in relaxed canonicalization.</li>
 * </ol>
 * All keys are fetched at once; the verdict is decided in the RFC's order. Never fails.
 *
 * <pre>{@code
 * ArcValidation arc = new ArcVerifier(resolver, clock).verifyAsync(bytes).join();
 * }</pre>
 */
public final class ArcVerifier {
    private final DkimVerifier dkim;

    public ArcVerifier(Resolver resolver, Clock clock) {
        this.dkim = new DkimVerifier(resolver, clock);
    }

    public CompletableFuture<ArcValidation> verifyAsync(byte[] message) {
        return verifyAsync(RawMessage.parse(message));
    }

    /** For callers that already split the message (the DKIM verifier does the same split). */
    public CompletableFuture<ArcValidation> verifyAsync(RawMessage message) {
        return switch (ArcChainReader.read(message.headers())) {
            case ArcChainReader.ChainRead.NoChain n -> CompletableFuture.completedFuture(ArcValidation.none());
            case ArcChainReader.ChainRead.Broken b -> CompletableFuture.completedFuture(
                    ArcValidation.fail(b.reason(), b.instance(), b.instances(), b.why(), Optional.empty()));
            case ArcChainReader.ChainRead.Chain c -> verifyChain(message, c.sets());
        };
    }

    private CompletableFuture<ArcValidation> verifyChain(RawMessage message, List<ArcSet> sets) {
        int n = sets.size();
        List<CompletableFuture<DkimSignatureResult>> ams = new ArrayList<>(n);
        List<CompletableFuture<SealCheck>> seals = new ArrayList<>(n);
        for (ArcSet set : sets) {
            ams.add(dkim.verifyArcMessageSignature(message, set.messageSignature()));
            seals.add(checkSeal(sets, set));
        }
        List<CompletableFuture<?>> all = new ArrayList<>(ams);
        all.addAll(seals);
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(x -> decide(
                ams.stream().map(CompletableFuture::join).toList(), seals.stream().map(CompletableFuture::join).toList()));
    }

    /** Index k holds instance k + 1. */
    private static ArcValidation decide(List<DkimSignatureResult> ams, List<SealCheck> seals) {
        int n = ams.size();
        DkimSignatureResult newest = ams.get(n - 1);
        if (newest.verdict() != DkimVerdict.PASS) {
            boolean temporary = newest.verdict() == DkimVerdict.TEMPERROR;
            return ArcValidation.fail(temporary ? ArcFailure.KEY_TEMPORARY : ArcFailure.MESSAGE_SIGNATURE, n, n,
                    "the newest ARC-Message-Signature (i=" + n + ", " + newest.summary() + ") does not verify: "
                            + newest.explanation() + " (RFC 8617 5.2 step 4)", Optional.of(newest));
        }
        int oldestPass = 0;
        for (int i = n - 1; i >= 1; i--) {
            if (ams.get(i - 1).verdict() != DkimVerdict.PASS) {
                oldestPass = i + 1;
                break;
            }
        }
        for (int i = n; i >= 1; i--) {
            SealCheck s = seals.get(i - 1);
            if (s.failure() != ArcFailure.NONE) {
                return ArcValidation.fail(s.failure(), i, n, s.why() + " (RFC 8617 5.2 step 6)", Optional.of(newest));
            }
        }
        return new ArcValidation(ChainStatus.PASS, n, OptionalInt.empty(), ArcFailure.NONE, "the ARC chain of " + n
                + " set(s) verifies: the newest message signature (" + newest.summary() + ") and every seal"
                + (n > 1 ? "; the oldest message signature still valid is i=" + (oldestPass == 0 ? 1 : oldestPass)
                : ""), OptionalInt.of(oldestPass), Optional.of(newest));
    }

    private record SealCheck(ArcFailure failure, String why) {
        static final SealCheck VALID = new SealCheck(ArcFailure.NONE, "");
    }

    private CompletableFuture<SealCheck> checkSeal(List<ArcSet> sets, ArcSet set) {
        ArcSeal seal = set.seal();
        String keyName = DkimSignature.keyName(seal.selector(), seal.domain());
        String who = "the ARC-Seal i=" + set.instance() + " (d=" + seal.domain() + " s=" + seal.selector() + ")";
        return dkim.lookupKey(keyName).thenApply(lookup -> switch (lookup) {
            case KeyLookup.Failed f -> new SealCheck(f.reason() == FailureReason.DNS_TEMPORARY
                    ? ArcFailure.KEY_TEMPORARY : ArcFailure.SEAL_KEY, who + ": " + f.explanation());
            case KeyLookup.Found found -> {
                Optional<KeyLookup.Failed> refused = DkimVerifier.keyUnfit(seal.algorithm(), found.key())
                        .or(() -> DkimVerifier.keyTooWeak(seal.algorithm(), found.key()));
                if (refused.isPresent()) {
                    yield new SealCheck(ArcFailure.SEAL_KEY, who + ": " + refused.get().explanation());
                }
                SignatureCheck check = DkimVerifier.verifySignature(seal.algorithm(), found.key(),
                        sealedData(sets, set.instance()), seal.signature());
                yield check == SignatureCheck.VALID ? SealCheck.VALID : new SealCheck(ArcFailure.SEAL_SIGNATURE,
                        who + " does not verify over ARC sets 1.." + set.instance()
                                + ": an ARC header field changed after sealing, or the key at " + keyName
                                + " is not the one that sealed");
            }
        });
    }

    /**
     * RFC 8617 5.1.1: the ARC sets 1..i in increasing instance order, each as ARC-Authentication-Results,
     * ARC-Message-Signature, ARC-Seal, in relaxed header canonicalization; the seal being verified last,
     * with an empty b= and no final CRLF (as in DKIM).
     */
    static byte[] sealedData(List<ArcSet> sets, int instance) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Canonicalization relaxed = Canonicalization.RELAXED;
        for (ArcSet s : sets) {
            if (s.instance() > instance) {
                break;
            }
            out.writeBytes(relaxed.header(s.authenticationResults().raw()).getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(relaxed.header(s.messageSignature().raw()).getBytes(StandardCharsets.ISO_8859_1));
            if (s.instance() < instance) {
                out.writeBytes(relaxed.header(s.seal().field().raw()).getBytes(StandardCharsets.ISO_8859_1));
            } else {
                out.writeBytes(HeaderHash.signatureFieldData(s.seal().field(), relaxed));
            }
        }
        return out.toByteArray();
    }
}
