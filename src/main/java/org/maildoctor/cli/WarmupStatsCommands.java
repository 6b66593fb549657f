package org.maildoctor.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.maildoctor.report.WarmupJson;
import org.maildoctor.store.Store;
import org.maildoctor.warmup.tracking.Alert;
import org.maildoctor.warmup.tracking.DailyStats;
import org.maildoctor.warmup.tracking.HealthPolicy;
import org.maildoctor.warmup.tracking.HealthReport;
import org.maildoctor.warmup.tracking.MailboxTracking;
import org.maildoctor.warmup.tracking.ScoreComponent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code maildoctor warmup stats|health ADDRESS}: what the store recorded for a warm-up mailbox. */
final class WarmupStatsCommands {
    private WarmupStatsCommands() {
    }

    /** Reads a known account's stats; days are UTC dates, as the engine books them. */
    abstract static class MailboxCommand extends StoreBackedCommand {
        @Parameters(index = "0", paramLabel = "ADDRESS")
        String address;

        @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day shown (default today, UTC).")
        LocalDate to;

        /** The wall clock enters here, at the composition root; tests pass --to. */
        Clock clock = Clock.systemUTC();

        @Override
        protected final int run(Store store) {
            String mailbox = WarmupAccountCommands.repository(store).find(address)
                    .orElseThrow(() -> CliException.usage("no warm-up account " + address)).address();
            LocalDate last = to != null ? to : LocalDate.now(clock.withZone(ZoneOffset.UTC));
            try {
                return run(new MailboxTracking(WarmupAccountCommands.stats(store)), mailbox, last);
            } catch (IllegalArgumentException e) {
                throw CliException.usage(e.getMessage());
            }
        }

        abstract int run(MailboxTracking tracking, String mailbox, LocalDate last);
    }

    @Command(name = "stats", description = {
        "A warm-up mailbox's counters per day: sent, received, where the pool found its messages (inbox,",
        "category tab, other folder, spam, missing), replies, bounces and authentication failures."})
    static final class Stats extends MailboxCommand {
        @Option(names = "--days", defaultValue = "14", paramLabel = "N", description = "Days shown (default ${DEFAULT-VALUE}).")
        int days;

        @Override
        int run(MailboxTracking tracking, String mailbox, LocalDate last) {
            List<DailyStats> rows = tracking.window(mailbox, last, days);
            if (global.json) {
                output().json(WarmupJson.stats(mailbox, rows));
                return ExitCode.OK;
            }
            Output out = output();
            out.line(mailbox + ", " + rows.getFirst().day() + " to " + last);
            out.line("  date         sent  recv  inbox  categ  other  spam  miss  inbox%  spam%  repl  bnc  auth");
            for (DailyStats d : rows) {
                out.line(String.format(Locale.ROOT, "  %s %5d %5d %6d %6d %6d %5d %5d %6s %6s %5d %4d %5d", d.day(),
                        d.sent(), d.received(), d.inbox(), d.category(), d.other(), d.spam(), d.missing(),
                        rate(d.placed(), d.inboxRate()), rate(d.placed(), d.spamRate()), d.replies(), d.bounces(),
                        d.authFailures()));
            }
            return ExitCode.OK;
        }

        private static String rate(int placed, double r) {
            return placed == 0 ? "-" : String.format(Locale.ROOT, "%.0f%%", r * 100);
        }
    }

    @Command(name = "health", description = {
        "A warm-up mailbox's health score (0-100) with the points of each component and why, and its alerts:",
        "spam placement over --spam-threshold, bounce rate over 2 %, authentication failures.",
        "Exit 0 no alert, 1 at least one alert."})
    static final class Health extends MailboxCommand {
        @Option(names = "--spam-threshold", paramLabel = "SHARE",
                description = "Spam placement that raises an alert: 0.1 or 10% (default 10%).")
        String spamThreshold;

        @Option(names = "--window", paramLabel = "DAYS", description = "Days the score looks at (default 7).")
        Integer window;

        @Override
        int run(MailboxTracking tracking, String mailbox, LocalDate last) {
            Map<String, String> p = new HashMap<>();
            p.put("spamThreshold", spamThreshold);
            p.put("window", window == null ? null : window.toString());
            HealthReport r = tracking.health(mailbox, last, HealthPolicy.parse(p::get));
            if (global.json) {
                output().json(WarmupJson.health(r));
            } else {
                print(output(), r);
            }
            return r.alerts().isEmpty() ? ExitCode.OK : ExitCode.PROBLEMS;
        }

        private static void print(Output out, HealthReport r) {
            out.line(String.format(Locale.ROOT, "%s: health %d/100 (%s), %s to %s", r.mailbox(), r.score(), r.grade(),
                    r.from(), r.to()));
            for (ScoreComponent c : r.components()) {
                out.line(String.format(Locale.ROOT, "  %-18s %3d/%-3d %s", c.label(), c.points(), c.weight(),
                        c.explanation()));
            }
            if (r.alerts().isEmpty()) {
                out.line("no alerts");
            }
            for (Alert a : r.alerts()) {
                out.line(a.severity().token().toUpperCase(Locale.ROOT) + " " + a.kind().label() + ": "
                        + a.explanation());
                out.line("  fix: " + a.fix());
            }
        }
    }
}
