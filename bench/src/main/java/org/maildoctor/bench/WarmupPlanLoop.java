package org.maildoctor.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.maildoctor.warmup.MailboxAge;
import org.maildoctor.warmup.MailboxProvider;
import org.maildoctor.warmup.PlanDay;
import org.maildoctor.warmup.Planner;
import org.maildoctor.warmup.RampRequest;
import org.maildoctor.warmup.WarmupPlan;

/**
 * Issue 8 part 8: "planning 10,000 mailboxes' daily schedules takes < 1 s". Each round plans the
 * whole ramp of 10,000 varied mailboxes (start 3–5, target 20–200, step 1–3, every provider,
 * new/aged, weekdays-only or not, six zones, started 0–40 days ago) and draws today's send times.
 * Prints the time of each round after warm-up rounds; a plain loop because the figure asked for
 * is one wall-clock batch, not a per-call rate.
 */
public final class WarmupPlanLoop {
    public static void main(String[] args) {
        int mailboxes = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        LocalDate today = LocalDate.of(2026, 3, 16);
        Planner planner = new Planner(Clock.fixed(Instant.parse("2026-03-16T06:00:00Z"), ZoneOffset.UTC));
        List<ZoneId> zones = List.of(ZoneId.of("UTC"), ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"),
                ZoneId.of("Asia/Tokyo"), ZoneId.of("Australia/Sydney"), ZoneId.of("America/Los_Angeles"));
        SplittableRandom random = new SplittableRandom(8);
        List<RampRequest> requests = new ArrayList<>(mailboxes);
        MailboxProvider[] providers = MailboxProvider.values();
        for (int i = 0; i < mailboxes; i++) {
            int start = 3 + random.nextInt(3);
            requests.add(RampRequest.of(start, 20 + random.nextInt(181), providers[random.nextInt(providers.length)])
                    .withStep(1 + random.nextInt(3)).withAge(random.nextBoolean() ? MailboxAge.NEW : MailboxAge.AGED)
                    .withWeekdaysOnly(random.nextBoolean()).withZone(zones.get(random.nextInt(zones.size())))
                    .withStartDate(today.minusDays(random.nextInt(41))).withSeed(i));
        }
        long sink = 0;
        for (int round = 1; round <= 15; round++) {
            long t0 = System.nanoTime();
            long sends = 0;
            for (RampRequest r : requests) {
                WarmupPlan plan = planner.plan(r);
                int index = (int) (today.toEpochDay() - plan.startDate().toEpochDay());
                if (index >= 0 && index < plan.days().size()) {
                    PlanDay d = plan.days().get(index);
                    sends += planner.sendTimes(r, d).size();
                }
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            sink += sends;
            System.out.printf("round %2d%s: %d mailboxes planned, %d sends timed today, %d ms%n", round,
                    round <= 5 ? " (warm-up)" : "", mailboxes, sends, ms);
        }
        System.out.println("# sink " + sink);
    }
}
