package org.maildoctor.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.maildoctor.warmup.PlanDay;
import org.maildoctor.warmup.Planner;
import org.maildoctor.warmup.RampRequest;
import org.maildoctor.warmup.WarmupPlan;

/**
 * The JSON document of {@code maildoctor warmup plan --json} and {@code GET /api/v1/warmup/plan};
 * schema in docs/cli-warmup.md.
 */
public final class WarmupPlanJson {
    private WarmupPlanJson() {
    }

    /** {@code planner} supplies the send times when {@code withTimes}. */
    public static Map<String, Object> toMap(WarmupPlan plan, Planner planner, boolean withTimes) {
        RampRequest r = plan.request();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("provider", r.provider().key());
        m.put("providerDailyLimit", r.provider().dailyLimit().isPresent() ? r.provider().dailyLimit().getAsInt() : null);
        m.put("start", r.start());
        m.put("target", r.target());
        m.put("plateau", plan.plateau());
        m.put("growthPerDay", plan.growth());
        m.put("promisedDay", plan.promisedDay());
        m.put("weekdaysOnly", r.weekdaysOnly());
        m.put("timeZone", r.zone().getId());
        m.put("startDate", plan.startDate().toString());
        List<Map<String, Object>> days = new ArrayList<>();
        for (PlanDay d : plan.days()) {
            Map<String, Object> day = new LinkedHashMap<>();
            day.put("day", d.day());
            day.put("date", d.date().toString());
            day.put("volume", d.volume());
            day.put("action", d.action().code());
            day.put("replies", d.replies());
            if (withTimes) {
                day.put("sendTimes", planner.sendTimes(r, d).stream().map(t -> t.toOffsetDateTime().toString()).toList());
            }
            days.add(day);
        }
        m.put("days", days);
        return m;
    }
}
