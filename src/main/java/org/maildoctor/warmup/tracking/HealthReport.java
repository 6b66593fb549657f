package org.maildoctor.warmup.tracking;

import java.time.LocalDate;
import java.util.List;
import org.maildoctor.model.Severity;

/**
 * A mailbox's warm-up health over a window of days.
 *
 * @param totals      the window's counts summed, dated its last day
 * @param score       0-100, the sum of the components' points
 */
public record HealthReport(String mailbox, LocalDate from, LocalDate to, DailyStats totals, int score,
                           List<ScoreComponent> components, List<Alert> alerts) {
    public HealthReport {
        components = List.copyOf(components);
        alerts = List.copyOf(alerts);
    }

    /** healthy (70+ and no alert), watch (50+ or only warnings), poor. */
    public String grade() {
        boolean error = alerts.stream().anyMatch(a -> a.severity() == Severity.ERROR);
        if (score >= 70 && alerts.isEmpty()) {
            return "healthy";
        }
        return score >= 50 && !error ? "watch" : "poor";
    }
}
