package org.maildoctor.auth.dkim;

import java.nio.charset.StandardCharsets;

/** Result of {@link DkimSigner#sign}: the signature, or why the message cannot be signed. */
public sealed interface SignOutcome {

    /**
     * @param headerField the DKIM-Signature field, folded, ending in CRLF
     * @param message     the field followed by the original message bytes (unchanged)
     */
    record Signed(String headerField, byte[] message) implements SignOutcome {
        public Signed {
            message = message.clone();
        }

        @Override
        public byte[] message() {
            return message.clone();
        }

        static Signed of(String field, byte[] original) {
            byte[] h = field.getBytes(StandardCharsets.ISO_8859_1);
            byte[] out = new byte[h.length + original.length];
            System.arraycopy(h, 0, out, 0, h.length);
            System.arraycopy(original, 0, out, h.length, original.length);
            return new Signed(field, out);
        }
    }

    /** RFC 6376 5.4: a message without a From field cannot carry a valid signature. */
    record Refused(String reason) implements SignOutcome {
    }
}
