package org.maildoctor.warmup;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Plans warm-up volume day by day. Pure: the clock only supplies "today" when a request has no
 * start date. The adaptive part is a replay: given what each past sending day produced, the
 * volume of the next sending day is cut, held or grown — so re-planning after new signals is the
 * same call with more observations, and the curve without observations is the promise.
 */
public final class Planner {
    private final Clock clock;

    public Planner(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The nominal curve: no signals observed yet. */
    public WarmupPlan plan(RampRequest request) {
        return plan(request, Map.of());
    }

    /**
     * The curve steered by {@code observed} (date in the mailbox's zone → that day's signals). A
     * bad day halves the next sending day's volume, a warning holds it, and growth resumes at the
     * usual pace once a day comes back healthy.
     */
    public WarmupPlan plan(RampRequest request, Map<LocalDate, DayHealth> observed) {
        LocalDate first = request.startDate().orElseGet(() -> LocalDate.now(clock.withZone(request.zone())));
        if (request.weekdaysOnly()) {
            while (isWeekend(first)) {
                first = first.plusDays(1);
            }
        }
        int plateau = request.effectiveTarget();
        int growth = request.growth();
        int promised = promisedDay(first, request.start(), plateau, growth, request.weekdaysOnly());
        int length = request.days() > 0 ? request.days() : Math.min(RampRequest.MAX_DAYS, promised + 7);

        List<PlanDay> days = new ArrayList<>(length);
        int previous = 0;
        LocalDate previousDate = null;
        for (int n = 1; n <= length; n++) {
            LocalDate date = first.plusDays(n - 1);
            if (request.weekdaysOnly() && isWeekend(date)) {
                days.add(new PlanDay(n, date, 0, DayAction.REST, 0));
                continue;
            }
            int volume;
            DayAction action;
            if (previousDate == null) {
                volume = request.start();
                action = DayAction.START;
            } else {
                DayHealth h = observed.get(previousDate);
                HealthVerdict verdict = h == null ? HealthVerdict.HEALTHY : h.verdict();
                switch (verdict) {
                    case BAD -> {
                        volume = Math.max(1, previous / 2);
                        action = DayAction.CUT;
                    }
                    case WATCH -> {
                        volume = previous;
                        action = DayAction.HOLD;
                    }
                    default -> {
                        volume = Math.min(plateau, previous + growth);
                        action = volume == previous ? DayAction.PLATEAU : DayAction.GROW;
                    }
                }
            }
            days.add(new PlanDay(n, date, volume, action, (int) Math.round(volume * request.replyRate())));
            previous = volume;
            previousDate = date;
        }
        return new WarmupPlan(request, first, plateau, growth, promised, days);
    }

    /**
     * When the day's messages go out: {@code day.volume()} moments spread at random over the
     * mailbox's business hours in its zone, sorted, the same for the same seed and day.
     */
    public List<ZonedDateTime> sendTimes(RampRequest request, PlanDay day) {
        long from = request.businessStart().toSecondOfDay();
        long span = request.businessEnd().toSecondOfDay() - from;
        // one stream per (seed, day) so a day's times do not shift when the plan is longer or replanned
        SplittableRandom random = new SplittableRandom(request.seed() * 0x9E3779B97F4A7C15L + day.date().toEpochDay());
        long[] seconds = new long[day.volume()];
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] = from + random.nextLong(span);
        }
        Arrays.sort(seconds);
        List<ZonedDateTime> times = new ArrayList<>(seconds.length);
        for (long s : seconds) {
            times.add(ZonedDateTime.of(LocalDateTime.of(day.date(), java.time.LocalTime.ofSecondOfDay(s)),
                    request.zone()));
        }
        return times;
    }

    /** The day number of the sending day on which start + k·growth first reaches the plateau. */
    static int promisedDay(LocalDate first, int start, int plateau, int growth, boolean weekdaysOnly) {
        int sendingDaysNeeded = 1 + Math.ceilDiv(plateau - start, growth);
        int n = 0;
        int sending = 0;
        LocalDate date = first;
        while (sending < sendingDaysNeeded) {
            if (!(weekdaysOnly && isWeekend(date))) {
                sending++;
            }
            n++;
            date = date.plusDays(1);
        }
        return n;
    }

    static boolean isWeekend(LocalDate date) {
        DayOfWeek d = date.getDayOfWeek();
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
    }
}
