package org.maildoctor.warmup.engine;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * Timings of the engine.
 *
 * @param engageInterval  time between two engagement passes over one mailbox
 * @param reconcileGrace  how long after a crashed claim the recipient's mailbox is searched for the
 *                        Message-ID before the row counts as not delivered (mail may sit in a queue)
 * @param deferBackoff    wait after a 4xx before the next attempt, times the attempt number
 * @param maxAttempts     attempts (claims) before a deferred row is given up as failed
 * @param deleteAfterDays engagement deletes warm-up mail older than this from the receiving mailbox
 * @param replanAt        local time of day (in each mailbox's zone) of the daily re-plan
 * @param syncInterval    how often the engine looks for accounts added or removed meanwhile
 */
public record EngineSettings(Duration engageInterval, Duration reconcileGrace, Duration deferBackoff, int maxAttempts,
                             int deleteAfterDays, LocalTime replanAt, Duration syncInterval) {
    public EngineSettings {
        Objects.requireNonNull(engageInterval, "engageInterval");
        Objects.requireNonNull(reconcileGrace, "reconcileGrace");
        Objects.requireNonNull(deferBackoff, "deferBackoff");
        Objects.requireNonNull(replanAt, "replanAt");
        Objects.requireNonNull(syncInterval, "syncInterval");
        if (maxAttempts < 1 || deleteAfterDays < 1 || engageInterval.isNegative() || engageInterval.isZero()
                || syncInterval.isNegative() || syncInterval.isZero()) {
            throw new IllegalArgumentException("engine settings must be positive");
        }
    }

    /** Engage every 30 min, reconcile after 15 min, 10 min × attempt backoff, 5 attempts, clean after 7 days, re-plan 00:05. */
    public static EngineSettings defaults() {
        return new EngineSettings(Duration.ofMinutes(30), Duration.ofMinutes(15), Duration.ofMinutes(10), 5, 7,
                LocalTime.of(0, 5), Duration.ofMinutes(1));
    }

    public EngineSettings withEngageInterval(Duration d) {
        return new EngineSettings(d, reconcileGrace, deferBackoff, maxAttempts, deleteAfterDays, replanAt, syncInterval);
    }

    public EngineSettings withSyncInterval(Duration d) {
        return new EngineSettings(engageInterval, reconcileGrace, deferBackoff, maxAttempts, deleteAfterDays, replanAt, d);
    }
}
