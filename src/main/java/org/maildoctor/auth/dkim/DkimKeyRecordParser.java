package org.maildoctor.auth.dkim;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Parses a key record's text (the TXT strings joined, RFC 6376 3.6.2.2) into a key (3.6.1). */
public final class DkimKeyRecordParser {
    private DkimKeyRecordParser() {
    }

    /**
     * Parse results by record text. Decoding a key (base64, DER, KeyFactory) costs more than the rest
     * of a small message's verification, and the same few keys sign most mail. Results are immutable.
     */
    private static final Cache<String, DkimKeyRecord.Parse> PARSED = Caffeine.newBuilder().maximumSize(10_000).build();

    /** {@link #parse}, memoised by text for records of ordinary size. */
    public static DkimKeyRecord.Parse parseCached(String text) {
        if (text == null || text.length() > 8192) {
            return parse(text);
        }
        return PARSED.get(text, DkimKeyRecordParser::parse);
    }

    /** Never throws. */
    public static DkimKeyRecord.Parse parse(String text) {
        TagList parsed = TagList.parse(text);
        if (parsed instanceof TagList.Malformed m) {
            return invalid(FailureReason.KEY_SYNTAX, "the key record is not a tag-list: " + m.problem());
        }
        TagList.Parsed tags = (TagList.Parsed) parsed;
        Optional<String> v = tags.get("v");
        if (v.isPresent() && !v.get().equals("DKIM1")) {
            // 3.6.1: records with a v= other than DKIM1 MUST be discarded
            return invalid(FailureReason.KEY_SYNTAX, "v=" + TagList.clip(v.get()) + " is not DKIM1");
        }
        Optional<String> p = tags.get("p").map(TagList::removeFws);
        if (p.isEmpty()) {
            return invalid(FailureReason.KEY_SYNTAX, "the key record has no p= tag (RFC 6376 3.6.1: required)");
        }
        if (p.get().isEmpty()) {
            return new DkimKeyRecord.Parse.Revoked(text);
        }
        String k = tags.get("k").map(TagList::removeFws).orElse("rsa");
        Optional<DkimAlgorithm.KeyType> keyType = DkimAlgorithm.KeyType.fromTag(k);
        if (keyType.isEmpty()) {
            return invalid(FailureReason.KEY_TYPE_MISMATCH, "k=" + TagList.clip(k) + " is not a known key type");
        }
        Optional<byte[]> bytes = DkimSignatureParser.base64(p.get());
        if (bytes.isEmpty()) {
            return invalid(FailureReason.KEY_SYNTAX, "p= is not valid base64");
        }
        Optional<PublicKey> key = switch (keyType.get()) {
            case RSA -> rsaKey(bytes.get());
            case ED25519 -> ed25519Key(bytes.get());
        };
        if (key.isEmpty()) {
            return invalid(FailureReason.KEY_SYNTAX, keyType.get() == DkimAlgorithm.KeyType.ED25519
                    ? "p= is not a raw 32-byte Ed25519 public key (RFC 8463 4.2), got " + bytes.get().length + " bytes"
                    : "p= is not an RSA public key (SubjectPublicKeyInfo or RSAPublicKey DER)");
        }
        List<String> hashes = list(tags.get("h"));
        List<String> services = tags.get("s").isPresent() ? list(tags.get("s")) : List.of("*");
        List<String> flags = list(tags.get("t"));
        return new DkimKeyRecord.Parse.Valid(new DkimKeyRecord(keyType.get(), key.get(), hashes, services,
                flags.contains("y"), flags.contains("s"), text));
    }

    /**
     * The key among several TXT records at one name: RFC 6376 3.6.2.2 leaves this undefined; we take the
     * first record that is a key (or a revocation), so an unrelated TXT record beside the key does not
     * hide it, and report the first record's problem when none is.
     */
    public static DkimKeyRecord.Parse parseFirstUsable(java.util.List<String> texts) {
        DkimKeyRecord.Parse first = null;
        for (String text : texts) {
            DkimKeyRecord.Parse p = parseCached(text);
            if (!(p instanceof DkimKeyRecord.Parse.Invalid)) {
                return p;
            }
            if (first == null) {
                first = p;
            }
        }
        return first != null ? first : invalid(FailureReason.KEY_SYNTAX, "no TXT record");
    }

    private static DkimKeyRecord.Parse invalid(FailureReason reason, String why) {
        return new DkimKeyRecord.Parse.Invalid(reason, why);
    }

    /** A colon-separated list, FWS removed, lower case; unknown entries are kept (and ignored by callers). */
    private static List<String> list(Optional<String> value) {
        if (value.isEmpty()) {
            return List.of();
        }
        return java.util.Arrays.stream(TagList.removeFws(value.get()).split(":"))
                .filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }

    /** SubjectPublicKeyInfo (RFC 6376 3.6.1), or a bare PKCS#1 RSAPublicKey as some publishers use. */
    static Optional<PublicKey> rsaKey(byte[] der) {
        try {
            KeyFactory f = KeyFactory.getInstance("RSA");
            try {
                return Optional.of(f.generatePublic(new X509EncodedKeySpec(der)));
            } catch (GeneralSecurityException | RuntimeException notSpki) {
                return Optional.of(f.generatePublic(new X509EncodedKeySpec(Der.rsaSpkiFromPkcs1(der))));
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static Optional<PublicKey> ed25519Key(byte[] raw) {
        if (raw.length != 32) {
            return Optional.empty();
        }
        try {
            return Optional.of(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Der.ed25519Spki(raw))));
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
