package org.maildoctor.warmup.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The send ledger: every warm-up message is a row before any SMTP traffic, and every state change
 * is a compare-and-set on the row's current state, so two nodes (or a node and its own restarted
 * self) never both send one row.
 */
public interface SendLedger {

    /** Stores the rows whose (sender, day, seq) slot is still free and returns all rows of that sender and day. */
    List<SendRecord> plan(String sender, LocalDate day, List<PlannedSend> rows);

    /** Cancels the sender's planned (unclaimed) rows of {@code day} with a seq above {@code volume}; returns how many. */
    int cancelAbove(String sender, LocalDate day, int volume, Instant now);

    Optional<SendRecord> find(long id);

    /**
     * Claims a row for sending: {@code expected → SENDING}, stamping node and time and counting the
     * attempt. False when the row is no longer in {@code expected} (someone else has it).
     */
    boolean claim(long id, SendState expected, String node, Instant now);

    /** {@code from → to} with a detail; false when the row is not in {@code from}. */
    boolean move(long id, SendState from, SendState to, String detail, Instant now);

    List<SendRecord> rows(String sender, LocalDate day);

    /** Rows per state over all senders on {@code day}. */
    Map<SendState, Integer> count(LocalDate day);
}
