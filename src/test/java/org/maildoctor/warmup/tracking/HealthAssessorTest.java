package org.maildoctor.warmup.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.maildoctor.model.Severity;

class HealthAssessorTest {
    static final String BOX = "a@one.test";
    static final LocalDate TODAY = LocalDate.parse("2026-03-10");
    final HealthAssessor assessor = new HealthAssessor(HealthPolicy.DEFAULT);

    /** sent, placed in inbox, spam, replies, bounces, auth failures on one day. */
    static DailyStats day(LocalDate d, int sent, int inbox, int spam, int replies, int bounces, int auth) {
        return new DailyStats(BOX, d, sent, 0, inbox, spam, 0, 0, 0, replies, bounces, auth);
    }

    @Test
    void aMailboxWithNothingSeenIsHealthyWithEveryComponentUnmeasured() {
        HealthReport r = assessor.assess(BOX, List.of(), TODAY);
        assertThat(r.score()).isEqualTo(100);
        assertThat(r.alerts()).isEmpty();
        assertThat(r.grade()).isEqualTo("healthy");
        assertThat(r.components()).extracting(ScoreComponent::code)
                .containsExactly("inbox", "spam", "bounces", "auth", "replies");
        assertThat(r.components()).allSatisfy(c -> assertThat(c.value()).isNull());
        assertThat(r.from()).isEqualTo(TODAY.minusDays(6));
    }

    @Test
    void everyPointLostIsExplainedByItsComponent() {
        // 80 inbox, 20 spam (20 %: all spam points gone at twice the 10 % threshold), 1 bounce in 100 (15 of 20),
        // 10 replies in 100 (half the 20 % full-credit rate)
        HealthReport r = assessor.assess(BOX, List.of(day(TODAY, 100, 80, 20, 10, 1, 0)), TODAY);
        assertThat(r.components()).extracting(ScoreComponent::points).containsExactly(28, 0, 15, 10, 5);
        assertThat(r.score()).isEqualTo(58);
        assertThat(r.components().getFirst().explanation()).isEqualTo(
                "80 of 100 warm-up messages (80 %) reached the inbox or a category tab");
        assertThat(r.components().get(1).explanation()).contains("20 of 100 in spam (20 %)");
        assertThat(r.grade()).isEqualTo("watch");
    }

    @Test
    void aCleanWellAnsweredMailboxScoresFull() {
        HealthReport r = assessor.assess(BOX, List.of(day(TODAY, 50, 50, 0, 10, 0, 0)), TODAY);
        assertThat(r.score()).isEqualTo(100);
        assertThat(r.alerts()).isEmpty();
    }

    @ParameterizedTest(name = "{1} spam of {0} placed, threshold {2}: alert {3}")
    @CsvSource({
        "100, 10, 0.10, none",
        "100, 11, 0.10, WARNING",
        "100, 20, 0.10, WARNING",
        "100, 21, 0.10, ERROR",
        "100, 25, 0.30, none",
        "100, 31, 0.30, ERROR",
        "100, 1, 0.00, WARNING",
        "0, 0, 0.00, none"})
    void spamAlertFiresStrictlyAboveTheConfiguredThreshold(int placed, int spam, double threshold, String expected) {
        HealthAssessor a = new HealthAssessor(HealthPolicy.DEFAULT.withSpamAlertRate(threshold));
        List<Alert> alerts = a.assess(BOX, List.of(day(TODAY, placed, placed - spam, spam, 0, 0, 0)), TODAY).alerts();
        if (expected.equals("none")) {
            assertThat(alerts).isEmpty();
        } else {
            assertThat(alerts).singleElement().satisfies(al -> {
                assertThat(al.kind()).isEqualTo(AlertKind.SPAM_PLACEMENT);
                assertThat(al.severity()).isEqualTo(Severity.valueOf(expected));
                assertThat(al.value()).isEqualTo((double) spam / placed);
                assertThat(al.fix()).contains("maildoctor domain audit one.test");
            });
        }
    }

    @ParameterizedTest(name = "{1} bounces of {0} sent: alert {2}")
    @CsvSource({"100, 2, false", "100, 3, true", "50, 1, false", "49, 1, true", "0, 1, true", "0, 0, false"})
    void bounceAlertFiresAboveTwoPercent(int sent, int bounces, boolean fires) {
        List<Alert> alerts = assessor.assess(BOX, List.of(day(TODAY, sent, 0, 0, 0, bounces, 0)), TODAY).alerts();
        assertThat(alerts.stream().anyMatch(a -> a.kind() == AlertKind.BOUNCE_RATE)).isEqualTo(fires);
    }

    @Test
    void oneAuthenticationFailureIsAnError() {
        HealthReport r = assessor.assess(BOX, List.of(day(TODAY, 40, 40, 0, 8, 0, 1)), TODAY);
        assertThat(r.alerts()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.AUTH_FAILURE);
            assertThat(a.severity()).isEqualTo(Severity.ERROR);
            assertThat(a.explanation()).contains("on 1 warm-up message from this mailbox on 2026-03-10");
            assertThat(a.fix()).contains("DKIM");
        });
        // 1 of 40 = 2.5 %: half the authentication points (all gone at 5 %)
        assertThat(r.components().get(3).points()).isEqualTo(5);
        assertThat(r.grade()).isEqualTo("poor");
    }

    @Test
    void alertsNameTheLatestDayAndCountTheDaysInTheWindowOnly() {
        List<DailyStats> rows = List.of(
                day(TODAY.minusDays(7), 100, 50, 50, 0, 0, 0), // outside the 7-day window
                day(TODAY.minusDays(5), 100, 70, 30, 0, 0, 0),
                day(TODAY.minusDays(2), 100, 85, 15, 0, 0, 0),
                day(TODAY, 100, 100, 0, 0, 0, 0));
        HealthReport r = assessor.assess(BOX, rows, TODAY);
        assertThat(r.alerts()).singleElement().satisfies(a -> {
            assertThat(a.lastDay()).isEqualTo(TODAY.minusDays(2));
            assertThat(a.days()).isEqualTo(2);
            assertThat(a.severity()).isEqualTo(Severity.WARNING);
            assertThat(a.explanation()).endsWith("; on 2 days of the window");
        });
        assertThat(r.totals().placed()).isEqualTo(300);
        assertThat(r.totals().spam()).isEqualTo(45);
        assertThat(assessor.assess(BOX, rows, TODAY.plusDays(5)).alerts()).as("a week later").isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"35, 1.0, 35", "35, 0.8, 28", "25, -0.5, 0", "25, 1.7, 25", "20, 0.749, 14", "10, 0.5, 5"})
    void pointsAreTheWeightTimesAClampedShareRoundedDown(int weight, double share, int points) {
        assertThat(HealthAssessor.points(weight, share)).isEqualTo(points);
    }

    @Test
    void policyRejectsNonsense() {
        assertThatThrownBy(() -> HealthPolicy.DEFAULT.withSpamAlertRate(1.5)).hasMessageContaining("spam threshold");
        assertThatThrownBy(() -> HealthPolicy.DEFAULT.withWindowDays(0)).hasMessageContaining("window");
    }
}
