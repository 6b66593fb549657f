package org.maildoctor.warmup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Worked examples of the planner and the request's checks. */
class PlannerTest {
    // 23:30 UTC on a Sunday is already Monday in Tokyo
    private final Planner planner = new Planner(Clock.fixed(Instant.parse("2026-03-01T23:30:00Z"), ZoneId.of("UTC")));

    @Test
    void fiveToFiftyOnGmailGrowsByTwoAndPlateaus() {
        WarmupPlan plan = planner.plan(RampRequest.of(5, 50, MailboxProvider.GMAIL)
                .withStartDate(LocalDate.of(2026, 3, 2)));
        assertThat(plan.days().subList(0, 5)).extracting(PlanDay::volume).containsExactly(5, 7, 9, 11, 13);
        assertThat(plan.promisedDay()).isEqualTo(24); // 5 + 23·2 ≥ 50 on day 24
        assertThat(plan.day(23).volume()).isEqualTo(49);
        assertThat(plan.day(24).volume()).isEqualTo(50);
        assertThat(plan.day(24).action()).isEqualTo(DayAction.GROW);
        assertThat(plan.day(25).action()).isEqualTo(DayAction.PLATEAU);
        assertThat(plan.days()).hasSize(31);
        assertThat(plan.day(24).replies()).isEqualTo(15);
    }

    @Test
    void todayComesFromTheClockInTheMailboxZone() {
        assertThat(planner.plan(RampRequest.of(3, 10, MailboxProvider.ZOHO).withZone(ZoneId.of("Asia/Tokyo")))
                .startDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(planner.plan(RampRequest.of(3, 10, MailboxProvider.ZOHO)).startDate())
                .isEqualTo(LocalDate.of(2026, 3, 1));
    }

    @Test
    void weekdaysOnlyStartsOnTheNextMonday() {
        WarmupPlan plan = planner.plan(RampRequest.of(3, 10, MailboxProvider.FASTMAIL).withWeekdaysOnly(true)
                .withStartDate(LocalDate.of(2026, 3, 7)));
        assertThat(plan.startDate()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(plan.days()).extracting(PlanDay::volume).startsWith(3, 5, 7, 9, 10, 0, 0, 10);
    }

    @Test
    void providerLimitLessCampaignVolumeCapsTheCurve() {
        RampRequest r = RampRequest.of(5, 1000, MailboxProvider.OUTLOOK_COM).withCampaignVolume(250).withStep(3);
        WarmupPlan plan = planner.plan(r.withStartDate(LocalDate.of(2026, 3, 2)));
        assertThat(plan.plateau()).isEqualTo(50);
        assertThat(plan.days().getLast().volume()).isEqualTo(50);
        assertThat(RampRequest.of(5, 1000, MailboxProvider.CUSTOM).withCap(80).effectiveTarget()).isEqualTo(80);
        assertThat(RampRequest.of(5, 1000, MailboxProvider.CUSTOM).effectiveTarget()).isEqualTo(1000);
    }

    @Test
    void newMailboxGrowsAtHalfTheStep() {
        RampRequest r = RampRequest.of(3, 40, MailboxProvider.ICLOUD).withStep(3).withAge(MailboxAge.NEW)
                .withStartDate(LocalDate.of(2026, 3, 2));
        assertThat(planner.plan(r).days().subList(0, 4)).extracting(PlanDay::volume).containsExactly(3, 5, 7, 9);
    }

    @Test
    void impossibleRequestsSayWhatIsWrong() {
        assertThatThrownBy(() -> RampRequest.of(0, 5, MailboxProvider.GMAIL))
                .hasMessage("--start must be at least 1, got 0");
        assertThatThrownBy(() -> RampRequest.of(10, 5, MailboxProvider.GMAIL))
                .hasMessage("--target (5) must be at least --start (10)");
        assertThatThrownBy(() -> RampRequest.of(5, 50, MailboxProvider.GMAIL).withCampaignVolume(498))
                .hasMessageContaining("room for only 2 warm-up messages");
        assertThatThrownBy(() -> RampRequest.of(5, 50, MailboxProvider.GMAIL).withReplyRate(1.5))
                .hasMessageContaining("--reply-rate");
        assertThatThrownBy(() -> MailboxProvider.parse("hotmale"))
                .hasMessageContaining("unknown provider 'hotmale'").hasMessageContaining("microsoft-365");
        assertThat(MailboxProvider.parse("Google_Workspace")).isEqualTo(MailboxProvider.GOOGLE_WORKSPACE);
    }

    @Test
    void nothingSentButBouncesIsStillBad() {
        assertThat(new DayHealth(0, 1, 0, 0).verdict()).isEqualTo(HealthVerdict.BAD);
        assertThat(new DayHealth(100, 2, 5, 0).verdict()).isEqualTo(HealthVerdict.HEALTHY);
        assertThat(new DayHealth(100, 3, 0, 0).verdict()).isEqualTo(HealthVerdict.BAD);
        assertThat(new DayHealth(100, 0, 6, 0).verdict()).isEqualTo(HealthVerdict.WATCH);
        assertThat(new DayHealth(100, 0, 21, 0).verdict()).isEqualTo(HealthVerdict.BAD);
        assertThat(List.of(DayHealth.clean(10).verdict())).containsExactly(HealthVerdict.HEALTHY);
    }
}
