package org.maildoctor.auth.dkim;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Signs messages (RFC 6376 5). Defaults: relaxed/relaxed, the header fields of {@link #DEFAULT_HEADERS}
 * that are present, each instance signed, and From signed once more than it occurs ("over-signing",
 * 8.15) so that a From added later breaks the signature. {@code t=} comes from the injected clock.
 */
public final class DkimSigner {
    /** RFC 6376 5.4.1's recommended set, plus the List-Unsubscribe fields of RFC 8058. */
    public static final List<String> DEFAULT_HEADERS = List.of("from", "reply-to", "subject", "date", "to", "cc",
            "message-id", "in-reply-to", "references", "mime-version", "content-type", "content-transfer-encoding",
            "list-id", "list-unsubscribe", "list-unsubscribe-post", "sender");

    private final DkimSigningKey key;
    private final Clock clock;
    private final Canonicalization headerCanon;
    private final Canonicalization bodyCanon;
    private final List<String> headers;
    private final boolean bodyLengthTag;

    public DkimSigner(DkimSigningKey key, Clock clock) {
        this(key, clock, Canonicalization.RELAXED, Canonicalization.RELAXED, DEFAULT_HEADERS, false);
    }

    private DkimSigner(DkimSigningKey key, Clock clock, Canonicalization headerCanon, Canonicalization bodyCanon,
                       List<String> headers, boolean bodyLengthTag) {
        this.bodyLengthTag = bodyLengthTag;
        this.key = Objects.requireNonNull(key);
        this.clock = Objects.requireNonNull(clock);
        this.headerCanon = headerCanon;
        this.bodyCanon = bodyCanon;
        this.headers = headers.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    }

    /** A copy with other canonicalizations. */
    public DkimSigner withCanonicalization(Canonicalization header, Canonicalization body) {
        return new DkimSigner(key, clock, header, body, headers, bodyLengthTag);
    }

    /** A copy signing these header field names (From is added if missing: RFC 6376 5.4). */
    public DkimSigner withHeaders(List<String> names) {
        List<String> h = new ArrayList<>(names);
        if (h.stream().noneMatch("from"::equalsIgnoreCase)) {
            h.addFirst("from");
        }
        return new DkimSigner(key, clock, headerCanon, bodyCanon, h, bodyLengthTag);
    }

    /**
     * A copy that adds {@code l=} (the canonicalized body length). RFC 6376 8.2 warns that l= lets
     * anyone append content that still verifies; it exists for mailing-list compatibility and tests.
     */
    public DkimSigner withBodyLengthTag() {
        return new DkimSigner(key, clock, headerCanon, bodyCanon, headers, true);
    }

    public SignOutcome sign(byte[] message) {
        RawMessage msg = RawMessage.parse(message);
        List<String> h = new ArrayList<>();
        for (String name : headers) {
            long count = msg.headers().stream().filter(f -> f.key().equals(name)).count();
            for (int i = 0; i < count; i++) {
                h.add(name);
            }
            if (name.equals("from")) {
                if (count == 0) {
                    return new SignOutcome.Refused("the message has no From header field (RFC 6376 5.4: From MUST be signed)");
                }
                h.add(name); // over-sign
            }
        }
        DkimAlgorithm algorithm = key.algorithm();
        try {
            byte[] body = bodyCanon.body(msg.bodyView());
            byte[] bh = MessageDigest.getInstance(algorithm.jcaDigest()).digest(body);
            StringBuilder field = new StringBuilder("DKIM-Signature: v=1; a=").append(algorithm.tagValue())
                    .append("; c=").append(headerCanon.tagValue()).append('/').append(bodyCanon.tagValue())
                    .append(";\r\n\td=").append(key.domain()).append("; s=").append(key.selector())
                    .append("; t=").append(clock.instant().getEpochSecond())
                    .append(bodyLengthTag ? "; l=" + body.length : "").append(";\r\n\th=");
            int lineLength = 3;
            for (int i = 0; i < h.size(); i++) {
                String part = (i == 0 ? "" : ":") + h.get(i);
                if (lineLength + part.length() > 72) {
                    field.append("\r\n\t ");
                    lineLength = 2;
                }
                field.append(part);
                lineLength += part.length();
            }
            field.append(";\r\n\tbh=").append(Base64.getEncoder().encodeToString(bh)).append(";\r\n\tb=");
            String unsigned = field.toString();
            HeaderField sigField = new HeaderField("DKIM-Signature", unsigned);
            byte[] data = HeaderHash.signedData(msg.headers(), h, headerCanon, sigField);
            String b = Base64.getEncoder().encodeToString(signature(algorithm, data));
            StringBuilder folded = new StringBuilder(unsigned);
            for (int i = 0; i < b.length(); i += 64) {
                if (i > 0) {
                    folded.append("\r\n\t ");
                }
                folded.append(b, i, Math.min(b.length(), i + 64));
            }
            folded.append("\r\n");
            return SignOutcome.Signed.of(folded.toString(), message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot sign with " + algorithm.tagValue(), e);
        }
    }

    private byte[] signature(DkimAlgorithm algorithm, byte[] data) throws GeneralSecurityException {
        Signature s;
        byte[] input = data;
        if (algorithm == DkimAlgorithm.ED25519_SHA256) {
            s = Signature.getInstance("Ed25519");
            input = MessageDigest.getInstance("SHA-256").digest(data); // RFC 8463 3
        } else {
            s = Signature.getInstance("SHA256withRSA");
        }
        s.initSign(key.privateKey());
        s.update(input);
        return s.sign();
    }
}
