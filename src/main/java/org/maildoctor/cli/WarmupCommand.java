package org.maildoctor.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.maildoctor.report.WarmupPlanJson;
import org.maildoctor.warmup.MailboxAge;
import org.maildoctor.warmup.MailboxProvider;
import org.maildoctor.warmup.PlanDay;
import org.maildoctor.warmup.Planner;
import org.maildoctor.warmup.RampParameters;
import org.maildoctor.warmup.RampRequest;
import org.maildoctor.warmup.WarmupPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code maildoctor warmup plan …}: mailbox warm-up. */
@Command(name = "warmup", description = "Warm up a new domain or mailbox: ramp schedules, the mailboxes taking part, their stats and health.",
        subcommands = {WarmupCommand.Plan.class, WarmupAccountCommands.Add.class,
            WarmupAccountCommands.ListAccounts.class, WarmupAccountCommands.Test.class,
            WarmupAccountCommands.Remove.class, WarmupStatsCommands.Stats.class, WarmupStatsCommands.Health.class,
            WarmupEngineCommands.Run.class, WarmupEngineCommands.Status.class, WarmupEngineCommands.Pause.class,
            WarmupEngineCommands.Resume.class})
public final class WarmupCommand {

    @Command(name = "plan", description = {
        "Print a mailbox's day-by-day warm-up volume: from --start, growing at most --step a day (half that",
        "with --new), up to --target or the provider's daily limit less --campaign-volume, whichever is lower."})
    public static final class Plan extends BaseCommand {
        @Option(names = "--start", defaultValue = "5", description = "Volume on day 1 (default ${DEFAULT-VALUE}).")
        int start;

        @Option(names = "--target", required = true, description = "Daily volume to reach and hold.")
        int target;

        @Option(names = "--step", defaultValue = "2", description = "Most the volume grows per sending day (default ${DEFAULT-VALUE}).")
        int step;

        @Option(names = "--provider", defaultValue = "custom", paramLabel = "NAME",
                description = "gmail, google-workspace, microsoft-365, outlook, yahoo, zoho, icloud, fastmail, custom "
                        + "(default ${DEFAULT-VALUE}, no limit).")
        String provider;

        @Option(names = "--cap", description = "A daily cap lower than the provider's (the only cap of a custom server).")
        Integer cap;

        @Option(names = "--new", description = "New domain or mailbox: grow at half the step.")
        boolean fresh;

        @Option(names = "--campaign-volume", defaultValue = "0", paramLabel = "N",
                description = "Mail sent each day besides warm-up; counts against the cap.")
        int campaignVolume;

        @Option(names = "--weekdays-only", description = "Send nothing on Saturdays and Sundays.")
        boolean weekdaysOnly;

        @Option(names = "--reply-rate", defaultValue = "0.3", paramLabel = "R",
                description = "Share of received warm-up mail to answer, 0-1 (default ${DEFAULT-VALUE}).")
        double replyRate;

        @Option(names = "--tz", defaultValue = "UTC", paramLabel = "ZONE", description = "The mailbox's time zone (default ${DEFAULT-VALUE}).")
        String tz;

        @Option(names = "--hours", defaultValue = "09:00-17:00", paramLabel = "HH:MM-HH:MM",
                description = "Business hours the sends spread over (default ${DEFAULT-VALUE}).")
        String hours;

        @Option(names = "--start-date", paramLabel = "YYYY-MM-DD", description = "Day 1 (default today in --tz).")
        LocalDate startDate;

        @Option(names = "--days", defaultValue = "0", description = "Days to print (default: until the target, plus a week).")
        int days;

        @Option(names = "--seed", defaultValue = "0", description = "Seed of the random send times.")
        long seed;

        @Option(names = "--times", description = "Also print each day's send times.")
        boolean times;

        /** The wall clock enters here, at the composition root; tests pass --start-date. */
        Clock clock = Clock.systemUTC();

        @Override
        protected int run() {
            RampRequest request;
            try {
                LocalTime[] h = RampParameters.hours(hours);
                request = RampRequest.of(start, target, MailboxProvider.parse(provider))
                        .withStep(step).withAge(fresh ? MailboxAge.NEW : MailboxAge.AGED)
                        .withCampaignVolume(campaignVolume).withWeekdaysOnly(weekdaysOnly).withReplyRate(replyRate)
                        .withZone(RampParameters.zone(tz)).withBusinessHours(h[0], h[1]).withDays(days).withSeed(seed);
                if (cap != null) {
                    request = request.withCap(cap);
                }
                if (startDate != null) {
                    request = request.withStartDate(startDate);
                }
            } catch (IllegalArgumentException e) {
                throw CliException.usage(e.getMessage());
            }
            Planner planner = new Planner(clock);
            WarmupPlan plan = planner.plan(request);
            if (global.json) {
                output().json(WarmupPlanJson.toMap(plan, planner, times));
            } else {
                print(plan, planner);
            }
            return ExitCode.OK;
        }

        private void print(WarmupPlan plan, Planner planner) {
            Output out = output();
            RampRequest r = plan.request();
            out.line(String.format(Locale.ROOT, "%s: %d -> %d a day (+%d per sending day), target reached on day %d%s",
                    r.provider().label(), r.start(), plan.plateau(), plan.growth(), plan.promisedDay(),
                    plan.plateau() < r.target() ? " (capped: the provider allows " + r.warmupCap() + " besides campaigns)" : ""));
            DateTimeFormatter hm = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
            for (PlanDay d : plan.days()) {
                String bar = "#".repeat((int) Math.ceil(40.0 * d.volume() / plan.plateau()));
                out.line(String.format(Locale.ROOT, "  day %3d  %s %s  %5d  %-8s %s", d.day(), d.date(),
                        d.date().getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ROOT),
                        d.volume(), d.action().code(), bar));
                if (times && d.volume() > 0) {
                    out.line("           " + String.join(" ", planner.sendTimes(r, d).stream().map(hm::format).toList()));
                }
            }
        }
    }
}
