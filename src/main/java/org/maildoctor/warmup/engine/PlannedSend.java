package org.maildoctor.warmup.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A ledger row before it is stored: the {@code seq}-th message of {@code sender} on {@code day}.
 * {@code seed} makes the {@link Network} compose the same message again at send time.
 */
public record PlannedSend(String sender, LocalDate day, int seq, Instant dueAt, String recipient, String messageId,
                          String token, long seed) {
    public PlannedSend {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(token, "token");
        if (seq < 1) {
            throw new IllegalArgumentException("seq starts at 1, got " + seq);
        }
    }
}
