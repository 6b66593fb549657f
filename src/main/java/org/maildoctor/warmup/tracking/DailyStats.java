package org.maildoctor.warmup.tracking;

import java.time.LocalDate;

/**
 * One mailbox's warm-up day: what it sent and how its messages were received by the pool.
 * {@code inbox + spam + category + other + missing} counts messages whose placement is known.
 */
public record DailyStats(String mailbox, LocalDate day, int sent, int received, int inbox, int spam, int category,
                         int other, int missing, int replies, int bounces, int authFailures) {

    public int placed() {
        return inbox + spam + category + other + missing;
    }

    public double inboxRate() {
        return placed() == 0 ? 0 : (double) (inbox + category) / placed();
    }

    public double spamRate() {
        return placed() == 0 ? 0 : (double) spam / placed();
    }
}
