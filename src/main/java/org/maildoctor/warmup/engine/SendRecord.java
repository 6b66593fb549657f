package org.maildoctor.warmup.engine;

import java.time.Instant;
import java.time.LocalDate;

/** One stored ledger row. {@code claimedBy}/{@code claimedAt} name the node and moment of the last claim. */
public record SendRecord(long id, String sender, LocalDate day, int seq, Instant dueAt, String recipient,
                         String messageId, String token, long seed, SendState state, int attempts, String claimedBy,
                         Instant claimedAt, String detail) {
}
