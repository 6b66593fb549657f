package org.maildoctor.warmup.tracking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maildoctor.warmup.DayHealth;

/** Day rows as charts, scores and the adaptive planner need them. */
public final class StatsSeries {
    private StatsSeries() {
    }

    /** One row per day from {@code from} to {@code to}; days the store has no row for are zeros. */
    public static List<DailyStats> filled(String mailbox, Collection<DailyStats> rows, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the window ends (" + to + ") before it starts (" + from + ")");
        }
        Map<LocalDate, DailyStats> byDay = new LinkedHashMap<>();
        rows.forEach(r -> byDay.put(r.day(), r));
        List<DailyStats> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            DailyStats r = byDay.get(d);
            out.add(r != null ? r : new DailyStats(mailbox, d, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        }
        return out;
    }

    /** The counts summed, dated {@code day}. */
    public static DailyStats total(String mailbox, LocalDate day, Collection<DailyStats> rows) {
        int[] t = new int[10];
        for (DailyStats r : rows) {
            int[] v = {r.sent(), r.received(), r.inbox(), r.spam(), r.category(), r.other(), r.missing(), r.replies(),
                r.bounces(), r.authFailures()};
            for (int i = 0; i < v.length; i++) {
                t[i] += v[i];
            }
        }
        return new DailyStats(mailbox, day, t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9]);
    }

    /**
     * What the adaptive planner reads: per day, the messages sent, the bounces, the messages the pool
     * found in spam and the authentication failures receivers saw. Placement is booked on the day
     * the receiving mailbox first saw a message, which is the sending day for a prompt engagement run.
     */
    public static DayHealth dayHealth(DailyStats d) {
        return new DayHealth(d.sent(), d.bounces(), d.spam(), d.authFailures());
    }

    public static Map<LocalDate, DayHealth> dayHealths(Collection<DailyStats> rows) {
        Map<LocalDate, DayHealth> out = new LinkedHashMap<>();
        rows.forEach(r -> out.put(r.day(), dayHealth(r)));
        return out;
    }
}
