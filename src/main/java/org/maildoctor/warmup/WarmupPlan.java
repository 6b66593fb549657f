package org.maildoctor.warmup;

import java.time.LocalDate;
import java.util.List;

/**
 * A mailbox's day-by-day curve.
 *
 * @param promisedDay the day number on which the volume reaches {@link #plateau()} when no bad
 *                    signal intervenes; the curve may reach it sooner, never later
 */
public record WarmupPlan(RampRequest request, LocalDate startDate, int plateau, int growth, int promisedDay,
                         List<PlanDay> days) {
    public WarmupPlan {
        days = List.copyOf(days);
    }

    public PlanDay day(int n) {
        return days.get(n - 1);
    }
}
