package org.maildoctor.warmup.engine;

import java.util.Locale;

/**
 * Where one ledger row stands. {@code PLANNED → SENDING} is the claim (compare-and-set, one node
 * wins); {@code SENDING} ends in {@code SENT}, {@code BOUNCED}, {@code FAILED} or {@code SKIPPED}, or
 * goes back to {@code PLANNED} when the server deferred the message (it was not accepted).
 */
public enum SendState {
    PLANNED,
    /** Claimed: an SMTP transaction may have started. After a crash the row is reconciled, not resent blindly. */
    SENDING,
    SENT,
    /** The submission server refused the message with a 5xx: counts as a bounce. */
    BOUNCED,
    /** Deferred too often; given up for the day. */
    FAILED,
    /** Not sent because the account (or the recipient) left the running pool. */
    SKIPPED,
    /** A re-plan lowered the day's volume below this row's place. */
    CANCELLED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinal() {
        return this != PLANNED && this != SENDING;
    }

    public static SendState parse(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
