package org.maildoctor.auth.dkim;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds the data the header signature covers (RFC 6376 3.7 and 5.4.2), shared by signer and verifier. */
final class HeaderHash {
    /** The b= tag's value: everything after "b=" up to the next ";" (3.7: value deleted, tag kept). */
    private static final Pattern B_VALUE = Pattern.compile("(^|;)([ \\t\\r\\n]*b[ \\t\\r\\n]*=)[^;]*");

    private HeaderHash() {
    }

    /**
     * The canonicalized header fields named in {@code h=} followed by the canonicalized signature field
     * with an empty {@code b=} and no final CRLF. Fields are taken bottom-up; a name listed more often
     * than it occurs contributes nothing the extra times (over-signing, 5.4.2), so an added field breaks
     * the signature.
     */
    static byte[] signedData(List<HeaderField> headers, List<String> signedHeaders, Canonicalization canon,
                             HeaderField signatureField) {
        Map<String, Deque<HeaderField>> byName = new HashMap<>();
        for (HeaderField f : headers) {
            byName.computeIfAbsent(f.key(), k -> new ArrayDeque<>()).addLast(f);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String name : signedHeaders) {
            Deque<HeaderField> instances = byName.get(name);
            if (instances != null && !instances.isEmpty()) {
                out.writeBytes(canon.header(instances.pollLast().raw()).getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        out.writeBytes(signatureFieldData(signatureField, canon));
        return out.toByteArray();
    }

    /** The signature field with the b= value removed, canonicalized, without the final CRLF. */
    static byte[] signatureFieldData(HeaderField field, Canonicalization canon) {
        String raw = field.raw();
        int colon = raw.indexOf(':');
        String value = raw.substring(colon + 1);
        Matcher m = B_VALUE.matcher(value);
        String stripped = raw.substring(0, colon + 1) + m.replaceAll(mr -> Matcher.quoteReplacement(mr.group(1) + mr.group(2)));
        String c = canon.header(stripped);
        return c.substring(0, c.length() - 2).getBytes(StandardCharsets.ISO_8859_1);
    }
}
