package org.maildoctor.auth.dkim;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.maildoctor.dns.DnsNameException;
import org.maildoctor.dns.DnsRecord;
import org.maildoctor.dns.DnsResult;
import org.maildoctor.dns.RecordType;
import org.maildoctor.dns.Resolver;

/**
 * Verifies every DKIM-Signature on a message (RFC 6376 6.1), in this order, which decides the reason
 * reported when several things are wrong:
 * <ol>
 * <li>6.1.1 the signature's syntax and tags, {@code x=} against the clock (PERMERROR);</li>
 * <li>6.1.2 the key: DNS failure is TEMPERROR (never FAIL), no record / revoked / unusable key is PERMERROR;</li>
 * <li>RFC 8301: RSA keys under 1024 bits, then rsa-sha1 (FAIL);</li>
 * <li>6.1.3 the body hash, then the header signature (FAIL).</li>
 * </ol>
 * Body hash and signature are computed whenever a key was obtained, so the result shows them even
 * when an earlier rule decided the verdict.
 */
public final class DkimVerifier {
    /** Signatures evaluated per message; more only cost DNS queries (an abusive message may carry hundreds). */
    public static final int MAX_SIGNATURES = 16;
    /** Clock skew tolerated for {@code t=} in the future. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(15);
    private static final String HEADER = "dkim-signature";

    private final Resolver resolver;
    private final Clock clock;

    public DkimVerifier(Resolver resolver, Clock clock) {
        this.resolver = Objects.requireNonNull(resolver);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Blocking form of {@link #verifyAsync}. */
    public List<DkimSignatureResult> verify(byte[] message) {
        return verifyAsync(message).join();
    }

    /** One result per DKIM-Signature, top to bottom; an unsigned message gives an empty list. Never fails. */
    public CompletableFuture<List<DkimSignatureResult>> verifyAsync(byte[] message) {
        return verifyAsync(RawMessage.parse(message));
    }

    /** As {@link #verifyAsync(byte[])} for a message already split (the analysis splits once for DKIM and ARC). */
    public CompletableFuture<List<DkimSignatureResult>> verifyAsync(RawMessage msg) {
        List<CompletableFuture<DkimSignatureResult>> futures = new ArrayList<>();
        int seen = 0;
        for (HeaderField field : msg.headers()) {
            if (!field.key().equals(HEADER)) {
                continue;
            }
            if (++seen > MAX_SIGNATURES) {
                futures.add(CompletableFuture.completedFuture(DkimSignatureResult.of(FailureReason.SIGNATURE_LIMIT,
                        "not evaluated: only the first " + MAX_SIGNATURES + " signatures are checked", "", "", "",
                        OptionalInt.empty(), BodyHashCheck.NOT_CHECKED, SignatureCheck.NOT_CHECKED, false)));
                continue;
            }
            futures.add(verifyOne(msg, field));
        }
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .thenApply(x -> futures.stream().map(CompletableFuture::join).toList());
    }

    /**
     * One ARC-Message-Signature (RFC 8617 4.1.2): the DKIM verification of {@link #verifyAsync} with the
     * AMS tag rules ({@link DkimSignatureParser#parseArcMessageSignature}). {@code message} is the whole
     * message as {@link RawMessage#parse} split it; {@code field} one of its header fields.
     */
    public CompletableFuture<DkimSignatureResult> verifyArcMessageSignature(RawMessage message, HeaderField field) {
        return verifyParsed(message, DkimSignatureParser.parseArcMessageSignature(field));
    }

    private CompletableFuture<DkimSignatureResult> verifyOne(RawMessage msg, HeaderField field) {
        return verifyParsed(msg, DkimSignatureParser.parse(field));
    }

    private CompletableFuture<DkimSignatureResult> verifyParsed(RawMessage msg, SignatureParse parse) {
        if (parse instanceof SignatureParse.Invalid invalid) {
            return CompletableFuture.completedFuture(DkimSignatureResult.invalid(invalid));
        }
        DkimSignature sig = ((SignatureParse.Valid) parse).signature();
        Outcome early = checkTimes(sig);
        if (early != null) {
            return CompletableFuture.completedFuture(early.result(sig));
        }
        return lookupKey(sig.keyName()).thenApply(key -> switch (key) {
            case KeyLookup.Failed f -> new Outcome(f.reason(), f.explanation()).result(sig);
            case KeyLookup.Found found -> evaluate(msg, sig, found.key());
        });
    }

    /**
     * The key record at {@code keyName} ({@code selector._domainkey.domain}): a DNS failure is
     * TEMPERROR (never FAIL); no record, a revoked or an unparsable key is PERMERROR. Never fails.
     */
    public CompletableFuture<KeyLookup> lookupKey(String keyName) {
        try {
            return resolver.lookup(keyName, RecordType.TXT).thenApply(dns -> keyFrom(keyName, dns));
        } catch (DnsNameException e) {
            return CompletableFuture.completedFuture(new KeyLookup.Failed(FailureReason.SYNTAX,
                    keyName + " is not a valid DNS name: " + e.getMessage()));
        }
    }

    private Outcome checkTimes(DkimSignature sig) {
        long now = clock.instant().getEpochSecond();
        if (sig.expiration().isPresent() && sig.expiration().getAsLong() < now) {
            return new Outcome(FailureReason.EXPIRED, "the signature expired at x=" + sig.expiration().getAsLong()
                    + " (" + java.time.Instant.ofEpochSecond(sig.expiration().getAsLong()) + ", RFC 6376 6.1.1)");
        }
        if (sig.timestamp().isPresent() && sig.timestamp().getAsLong() > now + CLOCK_SKEW.toSeconds()) {
            return new Outcome(FailureReason.FUTURE_TIMESTAMP, "t=" + sig.timestamp().getAsLong()
                    + " is in the future (RFC 6376 3.5)");
        }
        return null;
    }

    private static KeyLookup keyFrom(String name, DnsResult dns) {
        List<DnsRecord.Txt> txts = switch (dns) {
            case DnsResult.Answer a -> a.records(DnsRecord.Txt.class);
            case DnsResult.NxDomain n -> List.of();
            case DnsResult.NoData n -> List.of();
            default -> null;
        };
        if (txts == null) {
            return new KeyLookup.Failed(FailureReason.DNS_TEMPORARY, "the key could not be fetched: "
                    + dns.describe() + " (RFC 6376 6.1.2: TEMPFAIL)");
        }
        if (txts.isEmpty()) {
            return new KeyLookup.Failed(FailureReason.KEY_NOT_FOUND, "no key record at " + name + " ("
                    + dns.outcome() + ")");
        }
        return switch (DkimKeyRecordParser.parseFirstUsable(txts.stream().map(DnsRecord.Txt::text).toList())) {
            case DkimKeyRecord.Parse.Revoked r -> new KeyLookup.Failed(FailureReason.KEY_REVOKED, "the key at "
                    + name + " has an empty p=: revoked (RFC 6376 3.6.1)");
            case DkimKeyRecord.Parse.Invalid inv -> new KeyLookup.Failed(inv.reason(), "the key at " + name
                    + " is unusable: " + inv.explanation());
            case DkimKeyRecord.Parse.Valid v -> new KeyLookup.Found(v.key());
        };
    }

    /** RFC 6376 3.6.1: the key's k=, h= and s= must allow this algorithm for email. */
    public static java.util.Optional<KeyLookup.Failed> keyUnfit(DkimAlgorithm algorithm, DkimKeyRecord key) {
        if (key.keyType() != algorithm.keyType()) {
            return java.util.Optional.of(new KeyLookup.Failed(FailureReason.KEY_TYPE_MISMATCH, "the key is k="
                    + key.keyType().tagValue() + " but a=" + algorithm.tagValue()));
        }
        if (!key.allows(algorithm)) {
            return java.util.Optional.of(new KeyLookup.Failed(FailureReason.HASH_NOT_ALLOWED, "the key's h="
                    + String.join(":", key.hashAlgorithms()) + " does not allow " + algorithm.hashName()
                    + " (RFC 6376 3.6.1)"));
        }
        if (!key.forEmail()) {
            return java.util.Optional.of(new KeyLookup.Failed(FailureReason.KEY_NOT_FOR_EMAIL, "the key's s="
                    + String.join(":", key.serviceTypes()) + " does not include email (RFC 6376 3.6.1)"));
        }
        return java.util.Optional.empty();
    }

    /** RFC 8301: RSA keys under 1024 bits, then rsa-sha1, are FAIL whatever the cryptography says. */
    public static java.util.Optional<KeyLookup.Failed> keyTooWeak(DkimAlgorithm algorithm, DkimKeyRecord key) {
        if (key.keyType() == DkimAlgorithm.KeyType.RSA && key.bits() < 1024) {
            return java.util.Optional.of(new KeyLookup.Failed(FailureReason.KEY_TOO_SHORT, "the RSA key has "
                    + key.bits() + " bits; RFC 8301 3.2 requires at least 1024"));
        }
        if (algorithm == DkimAlgorithm.RSA_SHA1) {
            return java.util.Optional.of(new KeyLookup.Failed(FailureReason.WEAK_ALGORITHM,
                    "rsa-sha1 MUST NOT be used for verifying (RFC 8301 3.1)"));
        }
        return java.util.Optional.empty();
    }

    private DkimSignatureResult evaluate(RawMessage msg, DkimSignature sig, DkimKeyRecord key) {
        OptionalInt bits = OptionalInt.of(key.bits());
        Checked checked = check(msg, sig, key);
        FailureReason reason;
        String why;
        java.util.Optional<KeyLookup.Failed> unfit = keyUnfit(sig.algorithm(), key);
        java.util.Optional<KeyLookup.Failed> weak = keyTooWeak(sig.algorithm(), key);
        if (unfit.isPresent()) {
            reason = unfit.get().reason();
            why = unfit.get().explanation();
        } else if (key.strict() && !sig.identityDomain().equals(sig.domain())) {
            reason = FailureReason.DOMAIN_MISMATCH;
            why = "the key has t=s, so i= must use exactly " + sig.domain() + ", not " + sig.identityDomain();
        } else if (weak.isPresent()) {
            reason = weak.get().reason();
            why = weak.get().explanation() + cryptoNote(checked);
        } else if (checked.bodyTooShort) {
            reason = FailureReason.BODY_TOO_SHORT;
            why = "l=" + sig.bodyLength().getAsLong() + " is longer than the canonicalized body ("
                    + checked.bodyLength + " bytes)";
        } else if (checked.bodyHash == BodyHashCheck.MISMATCH) {
            reason = FailureReason.BODY_HASH_MISMATCH;
            why = "the body hash does not match bh=: the body changed after signing"
                    + (checked.signature == SignatureCheck.INVALID ? ", and the header signature does not verify either"
                    : checked.signature == SignatureCheck.VALID ? " (the signed headers are intact)" : "");
        } else if (checked.signature != SignatureCheck.VALID) {
            reason = FailureReason.SIGNATURE_MISMATCH;
            why = "the body is intact but the signature does not verify: a signed header changed or the key does not match";
        } else {
            reason = FailureReason.NONE;
            why = "signature verified with the " + (key.keyType() == DkimAlgorithm.KeyType.RSA ? key.bits() + "-bit RSA"
                    : "Ed25519") + " key at " + sig.keyName();
        }
        if (key.testing()) {
            why += "; the key is in testing mode (t=y)";
        }
        return DkimSignatureResult.of(reason, why, sig.domain(), sig.selector(), sig.algorithm().tagValue(), bits,
                checked.bodyHash, checked.signature, key.testing());
    }

    private static String cryptoNote(Checked c) {
        if (c.bodyHash == BodyHashCheck.MATCH && c.signature == SignatureCheck.VALID) {
            return " (the signature is otherwise cryptographically valid)";
        }
        return " (and the " + (c.bodyHash != BodyHashCheck.MATCH ? "body hash" : "signature") + " does not verify)";
    }

    private record Checked(BodyHashCheck bodyHash, SignatureCheck signature, boolean bodyTooShort, long bodyLength) {
    }

    /** Body hash and header signature, whatever the policy checks say. */
    private static Checked check(RawMessage msg, DkimSignature sig, DkimKeyRecord key) {
        byte[] body = sig.bodyCanonicalization().body(msg.bodyView());
        boolean tooShort = false;
        if (sig.bodyLength().isPresent()) {
            long l = sig.bodyLength().getAsLong();
            if (l > body.length) {
                tooShort = true;
            } else {
                body = Arrays.copyOf(body, (int) l);
            }
        }
        BodyHashCheck bh;
        try {
            byte[] digest = JcaInstances.digest(sig.algorithm().jcaDigest()).digest(body);
            bh = MessageDigest.isEqual(digest, sig.bodyHash()) ? BodyHashCheck.MATCH : BodyHashCheck.MISMATCH;
        } catch (GeneralSecurityException e) {
            bh = BodyHashCheck.NOT_CHECKED;
        }
        SignatureCheck sc = SignatureCheck.NOT_CHECKED;
        if (key.keyType() == sig.algorithm().keyType()) {
            byte[] data = HeaderHash.signedData(msg.headers(), sig.signedHeaders(), sig.headerCanonicalization(),
                    sig.field());
            sc = verifySignature(sig.algorithm(), key, data, sig.signature());
        }
        return new Checked(bh, sc, tooShort, body.length);
    }

    /** Checks {@code b} over {@code data} with the key (RSA PKCS#1 v1.5, or Ed25519 over SHA-256 of the data, RFC 8463). */
    public static SignatureCheck verifySignature(DkimAlgorithm algorithm, DkimKeyRecord key, byte[] data, byte[] b) {
        try {
            Signature verifier;
            byte[] input = data;
            switch (algorithm) {
                case RSA_SHA1 -> verifier = JcaInstances.rsa(false);
                case RSA_SHA256 -> verifier = JcaInstances.rsa(true);
                case ED25519_SHA256 -> {
                    // RFC 8463 3: Ed25519 signs the SHA-256 hash of the data, not the data
                    byte[] hash = JcaInstances.digest("SHA-256").digest(data);
                    return Ed25519Verification.verify(key.publicKey(), hash, b) ? SignatureCheck.VALID
                            : SignatureCheck.INVALID;
                }
                default -> throw new IllegalStateException();
            }
            verifier.initVerify(key.publicKey());
            verifier.update(input);
            return verifier.verify(b) ? SignatureCheck.VALID : SignatureCheck.INVALID;
        } catch (GeneralSecurityException | RuntimeException e) {
            // a b= of the wrong length or a key the provider refuses: the signature does not verify
            return SignatureCheck.INVALID;
        }
    }

    /** A verdict decided before the cryptography. */
    private record Outcome(FailureReason reason, String why) {
        DkimSignatureResult result(DkimSignature sig) {
            return DkimSignatureResult.of(reason, why, sig.domain(), sig.selector(), sig.algorithm().tagValue(),
                    OptionalInt.empty(), BodyHashCheck.NOT_CHECKED, SignatureCheck.NOT_CHECKED, false);
        }
    }
}
