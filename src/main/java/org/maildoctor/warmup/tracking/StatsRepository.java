package org.maildoctor.warmup.tracking;

import java.time.LocalDate;
import java.util.List;
import org.maildoctor.warmup.engage.Observation;

/**
 * Per-mailbox per-day warm-up counters. The engine records events; dashboards and the adaptive
 * planner read days. Recording an observation is idempotent per (receiving mailbox, token) so a
 * repeated engagement pass does not count a message twice.
 */
public interface StatsRepository {

    void recordSent(String mailbox, LocalDate day);

    void recordBounce(String mailbox, LocalDate day);

    /** Counts the placement for the sender ({@code observation.from()}) and a receipt for {@code receiver}. */
    void recordObservation(String receiver, LocalDate day, Observation observation);

    /** Days from {@code from} to {@code to} inclusive that have any event, oldest first (see {@link StatsSeries#filled}). */
    List<DailyStats> days(String mailbox, LocalDate from, LocalDate to);
}
