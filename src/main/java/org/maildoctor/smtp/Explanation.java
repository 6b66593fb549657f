package org.maildoctor.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A reply explained in plain words: what it means, why it likely happened, what to do.
 *
 * @param reason          the cause in Sisimai's vocabulary
 * @param hard            the recipient address is permanently bad and should be suppressed; a 4xx
 *                        reply is never hard
 * @param fixesForSender  what the person who sent the message can do
 * @param fixesForAdmin   what the sending (or, where stated, receiving) mail administrator can do
 * @param matched         the knowledge-base entries used, most specific first ({@code tag:TSS04},
 *                        {@code status:X.1.1}, {@code subject:X.1}, {@code reason:userunknown}, {@code reply:550})
 */
public record Explanation(SmtpReply reply, Reason reason, boolean hard, String title, String meaning,
        List<String> causes, List<String> fixesForSender, List<String> fixesForAdmin,
        Map<Provider, String> providerNotes, List<String> matched) {

    public Explanation {
        causes = List.copyOf(causes);
        fixesForSender = List.copyOf(fixesForSender);
        fixesForAdmin = List.copyOf(fixesForAdmin);
        providerNotes = ordered(providerNotes);
        matched = List.copyOf(matched);
    }

    /** Immutable, in {@link Provider} order, so text and JSON output are stable. */
    static Map<Provider, String> ordered(Map<Provider, String> notes) {
        return notes.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(notes));
    }

    public Optional<ReplyCode> replyCode() {
        return reply.replyCode();
    }

    public Optional<EnhancedStatus> status() {
        return reply.status();
    }

    /** Sender fixes, then admin fixes. */
    public List<String> fixes() {
        List<String> all = new ArrayList<>(fixesForSender);
        all.addAll(fixesForAdmin);
        return List.copyOf(all);
    }
}
