package org.maildoctor.warmup.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.maildoctor.warmup.DayAction;
import org.maildoctor.warmup.DayHealth;
import org.maildoctor.warmup.HealthVerdict;
import org.maildoctor.warmup.MailboxProvider;
import org.maildoctor.warmup.Planner;
import org.maildoctor.warmup.RampRequest;
import org.maildoctor.warmup.WarmupPlan;

class StatsSeriesTest {
    static final String BOX = "a@one.test";
    static final LocalDate D1 = LocalDate.parse("2026-03-02");

    static DailyStats row(LocalDate d, int sent, int spam, int bounces, int auth) {
        return new DailyStats(BOX, d, sent, 1, sent - spam, spam, 0, 0, 0, 2, bounces, auth);
    }

    @Test
    void missingDaysAreZeroRowsInOrder() {
        List<DailyStats> filled = StatsSeries.filled(BOX, List.of(row(D1.plusDays(2), 7, 0, 0, 0)), D1, D1.plusDays(3));
        assertThat(filled).extracting(DailyStats::day).containsExactly(D1, D1.plusDays(1), D1.plusDays(2), D1.plusDays(3));
        assertThat(filled).extracting(DailyStats::sent).containsExactly(0, 0, 7, 0);
        assertThat(StatsSeries.filled(BOX, List.of(), D1, D1)).hasSize(1);
    }

    @Test
    void totalsAddEveryCounter() {
        DailyStats t = StatsSeries.total(BOX, D1, List.of(row(D1, 10, 2, 1, 0), row(D1.plusDays(1), 5, 0, 0, 3)));
        assertThat(t).isEqualTo(new DailyStats(BOX, D1, 15, 2, 13, 2, 0, 0, 0, 4, 1, 3));
    }

    @Test
    void dayHealthCarriesSentBouncesSpamAndAuthFailures() {
        assertThat(StatsSeries.dayHealth(row(D1, 100, 3, 2, 1))).isEqualTo(new DayHealth(100, 2, 3, 1));
        assertThat(StatsSeries.dayHealth(row(D1, 100, 3, 3, 0)).verdict()).isEqualTo(HealthVerdict.BAD);
        assertThat(StatsSeries.dayHealth(row(D1, 100, 6, 0, 0)).verdict()).isEqualTo(HealthVerdict.WATCH);
    }

    @Test
    void storedStatsSteerTheAdaptivePlanner() {
        RampRequest request = RampRequest.of(10, 50, MailboxProvider.CUSTOM).withStartDate(D1).withDays(5);
        // day 2 bounced 5 of 12: day 3 is cut; day 3 clean: day 4 grows again
        List<DailyStats> stored = List.of(row(D1, 10, 0, 0, 0), row(D1.plusDays(1), 12, 0, 5, 0),
                row(D1.plusDays(2), 6, 0, 0, 0));
        WarmupPlan plan = new Planner(Clock.systemUTC()).plan(request, StatsSeries.dayHealths(stored));
        assertThat(plan.days()).extracting(d -> d.action()).containsExactly(DayAction.START, DayAction.GROW,
                DayAction.CUT, DayAction.GROW, DayAction.GROW);
        assertThat(plan.days()).extracting(d -> d.volume()).containsExactly(10, 12, 6, 8, 10);
    }
}
