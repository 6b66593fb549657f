package org.maildoctor.warmup.network;

import java.util.List;
import java.util.Objects;

/**
 * One warm-up message from one pool mailbox to another. {@code token} is the unobtrusive identifier
 * a receiving mailbox uses to recognise warm-up mail: it travels in the {@value #TOKEN_HEADER} header
 * and, in case a provider strips unknown headers, as a short token line in the body.
 * A reply carries {@code inReplyTo} and {@code references} (RFC 5322 section 3.6.4) so it threads.
 */
public record WarmupMessage(String from, String to, String subject, String textBody, String messageId,
                            String inReplyTo, List<String> references, String token) {
    public static final String TOKEN_HEADER = "X-Maildoctor-Warmup";

    public WarmupMessage {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(textBody, "textBody");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(token, "token");
        references = references == null ? List.of() : List.copyOf(references);
        if (from.equalsIgnoreCase(to)) {
            throw new IllegalArgumentException("a warm-up message never goes to its own sender");
        }
    }

    public boolean isReply() {
        return inReplyTo != null;
    }
}
