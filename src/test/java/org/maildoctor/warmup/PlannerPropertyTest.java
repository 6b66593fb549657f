package org.maildoctor.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The acceptance properties of the ramp planner (issue 8), over arbitrary requests. */
class PlannerPropertyTest {
    private final Planner planner = new Planner(Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC));

    @Provide
    Arbitrary<RampRequest> requests() {
        Arbitrary<RampRequest> base = Combinators.combine(
                Arbitraries.integers().between(1, 10),
                Arbitraries.integers().between(0, 400),
                Arbitraries.integers().between(1, 5),
                Arbitraries.of(MailboxProvider.class),
                Arbitraries.of(MailboxAge.class),
                Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 3650).map(d -> LocalDate.of(2024, 1, 1).plusDays(d)),
                Arbitraries.longs())
                .as((start, extra, step, provider, age, weekdays, date, seed) ->
                        new RampRequest(start, start + extra, step, provider, java.util.OptionalInt.empty(), age, 0,
                                weekdays, 0.3, ZoneId.of("Europe/Berlin"), LocalTime.of(9, 0), LocalTime.of(17, 0),
                                java.util.Optional.of(date), seed, 0));
        return Combinators.combine(base, Arbitraries.integers().between(0, 600).injectDuplicates(0.3),
                        Arbitraries.integers().between(0, 300).injectDuplicates(0.3))
                .as((r, cap, campaign) -> {
                    RampRequest c = r;
                    int providerLimit = r.provider().dailyLimit().orElse(Integer.MAX_VALUE);
                    // the effective cap is the lower of --cap and the provider's limit (RampRequest.room)
                    if (cap > 0 && Math.min(cap, providerLimit) - campaign >= r.start()) {
                        c = c.withCap(cap).withCampaignVolume(campaign);
                    } else if (providerLimit - campaign >= r.start()) {
                        c = c.withCampaignVolume(campaign);
                    }
                    return c;
                });
    }

    @Property(tries = 300)
    void dayOneIsTheStartVolume(@ForAll("requests") RampRequest r) {
        PlanDay first = planner.plan(r).day(1);
        assertThat(first.volume()).isEqualTo(r.start());
        assertThat(first.action()).isEqualTo(DayAction.START);
    }

    @Property(tries = 300)
    void dailyGrowthStaysWithinTheStep(@ForAll("requests") RampRequest r) {
        List<PlanDay> sending = sendingDays(planner.plan(r));
        for (int i = 1; i < sending.size(); i++) {
            int delta = sending.get(i).volume() - sending.get(i - 1).volume();
            assertThat(delta).isBetween(0, r.step());
        }
    }

    @Property(tries = 300)
    void neverAboveTheProviderCapOrTheTarget(@ForAll("requests") RampRequest r) {
        int providerRoom = r.provider().dailyLimit().orElse(Integer.MAX_VALUE) - r.campaignVolume();
        for (PlanDay d : planner.plan(r).days()) {
            assertThat(d.volume()).isLessThanOrEqualTo(r.target()).isLessThanOrEqualTo(providerRoom);
            r.capOverride().ifPresent(cap -> assertThat(d.volume() + r.campaignVolume()).isLessThanOrEqualTo(cap));
        }
    }

    @Property(tries = 300)
    void reachesTheTargetByThePromisedDay(@ForAll("requests") RampRequest r) {
        WarmupPlan plan = planner.plan(r);
        int plateau = Math.min(r.target(), Math.min(r.provider().dailyLimit().orElse(Integer.MAX_VALUE),
                r.capOverride().orElse(Integer.MAX_VALUE)) - r.campaignVolume());
        assertThat(plan.plateau()).isEqualTo(plateau);
        assertThat(plan.days().size()).isGreaterThan(plan.promisedDay());
        assertThat(plan.day(plan.promisedDay()).volume()).isEqualTo(plateau);
        plan.days().stream().filter(d -> d.day() >= plan.promisedDay() && d.action() != DayAction.REST)
                .forEach(d -> assertThat(d.volume()).isEqualTo(plateau));
        // the promise is no later than the slowest allowed pace (the growth every sending day) makes necessary
        long sendingDaysToPromise = sendingDays(plan).stream().filter(d -> d.day() <= plan.promisedDay()).count();
        int growth = r.age() == MailboxAge.NEW ? Math.max(1, r.step() / 2 + r.step() % 2) : r.step();
        assertThat(sendingDaysToPromise).isLessThanOrEqualTo(1 + (plateau - r.start() + growth - 1) / growth);
    }

    @Property(tries = 300)
    void weekendsAreEmptyWhenWeekdaysOnly(@ForAll("requests") RampRequest any) {
        RampRequest r = any.withWeekdaysOnly(true);
        for (PlanDay d : planner.plan(r).days()) {
            boolean weekend = d.date().getDayOfWeek() == DayOfWeek.SATURDAY
                    || d.date().getDayOfWeek() == DayOfWeek.SUNDAY;
            assertThat(d.volume() == 0).as(d.toString()).isEqualTo(weekend);
            assertThat(planner.sendTimes(r, d)).hasSize(d.volume());
        }
    }

    @Property(tries = 300)
    void bouncesCutVolumeTheNextSendingDayAndGrowthResumesAfterRecovery(@ForAll("requests") RampRequest any,
            @ForAll @IntRange(min = 0, max = 200) int pick, @ForAll @IntRange(min = 1, max = 3) int badDays) {
        RampRequest r = any.withDays(0);
        WarmupPlan nominal = planner.plan(r);
        r = r.withDays(Math.min(RampRequest.MAX_DAYS, 2 * nominal.promisedDay() + 40));
        List<PlanDay> sending = sendingDays(planner.plan(r));
        int k = pick % Math.max(1, sending.size() / 2);

        // bounces above 2 % on `badDays` consecutive sending days, observed one day at a time
        Map<LocalDate, DayHealth> observed = new HashMap<>();
        WarmupPlan steered = planner.plan(r);
        for (int b = 0; b < badDays; b++) {
            PlanDay bad = sendingDays(steered).get(k + b);
            int bounces = Math.max(1, bad.volume() / 10);
            observed.put(bad.date(), new DayHealth(bad.volume(), bounces, 0, 0));
            steered = planner.plan(r, observed);
            PlanDay next = sendingDays(steered).get(k + b + 1);
            assertThat(next.action()).isEqualTo(DayAction.CUT);
            assertThat(next.volume()).isEqualTo(Math.max(1, bad.volume() / 2));
            if (bad.volume() > 1) {
                assertThat(next.volume()).isLessThan(bad.volume());
            }
        }
        // healthy again: the usual growth per sending day up to the plateau
        List<PlanDay> after = sendingDays(steered);
        int cut = after.get(k + badDays).volume();
        for (int j = k + badDays + 1; j < after.size(); j++) {
            int expected = Math.min(steered.plateau(), cut + (j - k - badDays) * steered.growth());
            assertThat(after.get(j).volume()).isEqualTo(expected);
        }
        int daysLeft = after.size() - 1 - (k + badDays);
        if ((long) daysLeft * steered.growth() >= steered.plateau() - cut) {
            assertThat(after.getLast().volume()).isEqualTo(steered.plateau());
        }
    }

    @Property(tries = 200)
    void authFailuresCutAndSomeSpamHolds(@ForAll("requests") RampRequest r) {
        List<PlanDay> sending = sendingDays(planner.plan(r));
        if (sending.size() < 3) {
            return;
        }
        PlanDay a = sending.get(0);
        PlanDay b = sending.get(1);
        Map<LocalDate, DayHealth> observed = Map.of(
                a.date(), new DayHealth(a.volume(), 0, 0, 1),
                b.date(), new DayHealth(100, 0, 10, 0));
        List<PlanDay> steered = sendingDays(planner.plan(r, observed));
        assertThat(steered.get(1).action()).isEqualTo(DayAction.CUT);
        assertThat(steered.get(2).action()).isEqualTo(DayAction.HOLD);
        assertThat(steered.get(2).volume()).isEqualTo(steered.get(1).volume());
    }

    @Property(tries = 200)
    void sendTimesFallInBusinessHoursOfTheMailboxZoneAndAreReproducible(@ForAll("requests") RampRequest any,
            @ForAll @IntRange(min = 6, max = 12) int from, @ForAll @IntRange(min = 1, max = 10) int hours) {
        RampRequest r = any.withZone(ZoneId.of("America/New_York"))
                .withBusinessHours(LocalTime.of(from, 0), LocalTime.of(from + hours, 0)).withDays(20);
        for (PlanDay d : planner.plan(r).days()) {
            var times = planner.sendTimes(r, d);
            assertThat(times).hasSize(d.volume()).isSorted();
            for (var t : times) {
                assertThat(t.getZone()).isEqualTo(r.zone());
                assertThat(t.toLocalDate()).isEqualTo(d.date());
                assertThat(t.toLocalTime()).isBetween(LocalTime.of(from, 0), LocalTime.of(from + hours - 1, 59, 59));
            }
            assertThat(planner.sendTimes(r, d)).isEqualTo(times);
        }
    }

    private static List<PlanDay> sendingDays(WarmupPlan plan) {
        List<PlanDay> out = new ArrayList<>();
        for (PlanDay d : plan.days()) {
            if (d.action() != DayAction.REST) {
                out.add(d);
            }
        }
        return out;
    }
}
