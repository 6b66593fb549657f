package org.maildoctor.warmup.tracking;

import java.time.LocalDate;
import java.util.List;
import org.maildoctor.warmup.Planner;
import org.maildoctor.warmup.RampRequest;
import org.maildoctor.warmup.WarmupPlan;

/**
 * The reads behind {@code warmup stats|health}, the dashboard and the REST API: a window of days
 * from the {@link StatsRepository}, the health over it, and the plan replayed with what was observed.
 */
public final class MailboxTracking {
    /** The longest window a caller may ask for. */
    public static final int MAX_DAYS = 366;

    private final StatsRepository stats;

    public MailboxTracking(StatsRepository stats) {
        this.stats = stats;
    }

    /** {@code days} days ending {@code to}, oldest first, days without a row as zeros. */
    public List<DailyStats> window(String mailbox, LocalDate to, int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be 1 to " + MAX_DAYS + ", got " + days);
        }
        LocalDate from = to.minusDays(days - 1L);
        return StatsSeries.filled(mailbox, stats.days(mailbox, from, to), from, to);
    }

    public HealthReport health(String mailbox, LocalDate today, HealthPolicy policy) {
        LocalDate from = today.minusDays(policy.windowDays() - 1L);
        return new HealthAssessor(policy).assess(mailbox, stats.days(mailbox, from, today), today);
    }

    /** The ramp steered by every day observed from its start date up to {@code today}. */
    public WarmupPlan plan(Planner planner, String mailbox, RampRequest request, LocalDate today) {
        LocalDate start = request.startDate().orElse(today);
        List<DailyStats> seen = start.isAfter(today) ? List.of() : stats.days(mailbox, start, today);
        return planner.plan(request, StatsSeries.dayHealths(seen));
    }
}
