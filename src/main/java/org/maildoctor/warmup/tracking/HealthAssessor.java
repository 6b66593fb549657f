package org.maildoctor.warmup.tracking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.maildoctor.model.Severity;
import org.maildoctor.warmup.DayHealth;

/**
 * Scores a mailbox's warm-up health from its daily stats and raises alerts. Pure.
 *
 * <p>The score (0-100) adds five components, each a straight line between "all points" and
 * "none", so every point lost can be explained in one sentence:
 * inbox placement (35: the share placed in the inbox or a category tab), spam placement (25: none
 * lost at 0 %, all at twice the alert threshold), bounces (20: all lost at twice the bounce limit),
 * authentication (10: all lost at 5 % of placed messages failing SPF/DKIM/DMARC) and replies (10:
 * full at the policy's reply rate). A component with nothing to measure keeps its points: a new
 * mailbox starts healthy and loses points only for what was seen.
 */
public final class HealthAssessor {
    static final int INBOX_WEIGHT = 35;
    static final int SPAM_WEIGHT = 25;
    static final int BOUNCE_WEIGHT = 20;
    static final int AUTH_WEIGHT = 10;
    static final int REPLY_WEIGHT = 10;
    /** Auth failures on this share of placed messages lose all authentication points. */
    static final double AUTH_ZERO_RATE = 0.05;

    private final HealthPolicy policy;

    public HealthAssessor(HealthPolicy policy) {
        this.policy = policy;
    }

    public HealthPolicy policy() {
        return policy;
    }

    /** The window of {@link HealthPolicy#windowDays()} days ending {@code today}. */
    public HealthReport assess(String mailbox, List<DailyStats> rows, LocalDate today) {
        LocalDate from = today.minusDays(policy.windowDays() - 1L);
        List<DailyStats> window = rows.stream()
                .filter(r -> !r.day().isBefore(from) && !r.day().isAfter(today)).toList();
        DailyStats t = StatsSeries.total(mailbox, today, window);
        List<ScoreComponent> parts = List.of(inbox(t), spam(t), bounces(t), auth(t), replies(t));
        int score = parts.stream().mapToInt(ScoreComponent::points).sum();
        return new HealthReport(mailbox, from, today, t, score, parts, alerts(mailbox, window));
    }

    private static ScoreComponent inbox(DailyStats t) {
        if (t.placed() == 0) {
            return none("inbox", "Inbox placement", INBOX_WEIGHT, "no placement seen yet");
        }
        double rate = t.inboxRate();
        return new ScoreComponent("inbox", "Inbox placement", rate, points(INBOX_WEIGHT, rate), INBOX_WEIGHT,
                String.format(Locale.ROOT, "%d of %d warm-up messages (%s) reached the inbox or a category tab",
                        t.inbox() + t.category(), t.placed(), percent(rate)));
    }

    private ScoreComponent spam(DailyStats t) {
        if (t.placed() == 0) {
            return none("spam", "Spam placement", SPAM_WEIGHT, "no placement seen yet");
        }
        double rate = t.spamRate();
        double zeroAt = Math.max(0.01, 2 * policy.spamAlertRate());
        return new ScoreComponent("spam", "Spam placement", rate, points(SPAM_WEIGHT, 1 - rate / zeroAt), SPAM_WEIGHT,
                String.format(Locale.ROOT, "%d of %d in spam (%s); all %d points are lost at %s", t.spam(), t.placed(),
                        percent(rate), SPAM_WEIGHT, percent(zeroAt)));
    }

    private ScoreComponent bounces(DailyStats t) {
        if (t.sent() == 0 && t.bounces() == 0) {
            return none("bounces", "Bounces", BOUNCE_WEIGHT, "nothing sent yet");
        }
        double rate = bounceRate(t);
        double zeroAt = Math.max(0.01, 2 * policy.maxBounceRate());
        return new ScoreComponent("bounces", "Bounces", rate, points(BOUNCE_WEIGHT, 1 - rate / zeroAt), BOUNCE_WEIGHT,
                String.format(Locale.ROOT, "%d of %d sent bounced (%s); all %d points are lost at %s", t.bounces(),
                        t.sent(), percent(rate), BOUNCE_WEIGHT, percent(zeroAt)));
    }

    private static ScoreComponent auth(DailyStats t) {
        if (t.authFailures() == 0) {
            return new ScoreComponent("auth", "Authentication", t.placed() == 0 ? null : 0.0, AUTH_WEIGHT, AUTH_WEIGHT,
                    "no SPF, DKIM or DMARC failure seen by the receiving mailboxes");
        }
        double rate = t.placed() == 0 ? 1 : Math.min(1, (double) t.authFailures() / t.placed());
        return new ScoreComponent("auth", "Authentication", rate, points(AUTH_WEIGHT, 1 - rate / AUTH_ZERO_RATE),
                AUTH_WEIGHT, String.format(Locale.ROOT, "receivers saw SPF, DKIM or DMARC fail on %d of %d messages",
                        t.authFailures(), t.placed()));
    }

    private ScoreComponent replies(DailyStats t) {
        if (t.placed() == 0) {
            return none("replies", "Replies", REPLY_WEIGHT, "no placement seen yet");
        }
        double rate = (double) t.replies() / t.placed();
        return new ScoreComponent("replies", "Replies", rate,
                points(REPLY_WEIGHT, rate / policy.fullReplyRate()), REPLY_WEIGHT,
                String.format(Locale.ROOT, "%d of %d answered in thread (%s); full points from %s", t.replies(),
                        t.placed(), percent(rate), percent(policy.fullReplyRate())));
    }

    private static ScoreComponent none(String code, String label, int weight, String why) {
        return new ScoreComponent(code, label, null, weight, weight, why);
    }

    /** The weight times a share clamped to 0..1, rounded down so a limit reached shows as a point lost. */
    static int points(int weight, double share) {
        double s = Math.max(0, Math.min(1, share));
        return (int) Math.floor(weight * s + 1e-9);
    }

    private List<Alert> alerts(String mailbox, List<DailyStats> window) {
        String domain = mailbox.substring(mailbox.indexOf('@') + 1);
        List<Alert> out = new ArrayList<>();
        alert(out, window, AlertKind.SPAM_PLACEMENT, d -> d.placed() > 0 && d.spamRate() > policy.spamAlertRate(),
                DailyStats::spamRate, policy.spamAlertRate(),
                d -> d.spamRate() > DayHealth.BAD_SPAM_RATE ? Severity.ERROR : Severity.WARNING,
                d -> String.format(Locale.ROOT, "%d of %d warm-up messages from this mailbox (%s) landed in spam on %s, "
                        + "above the %s threshold", d.spam(), d.placed(), percent(d.spamRate()), d.day(),
                        percent(policy.spamAlertRate())),
                "Warm-up holds the volume above 5 % spam and halves it above 20 % by itself. Check that SPF, DKIM "
                        + "and DMARC pass and align (maildoctor domain audit " + domain + "), that the domain is on "
                        + "no blocklist (maildoctor blocklist check " + domain + "), and grow more slowly (a smaller "
                        + "step).");
        alert(out, window, AlertKind.BOUNCE_RATE, d -> bounceRate(d) > policy.maxBounceRate(),
                HealthAssessor::bounceRate, policy.maxBounceRate(), d -> Severity.ERROR,
                d -> String.format(Locale.ROOT, "%d of %d messages sent on %s bounced (%s), above %s", d.bounces(),
                        d.sent(), d.day(), percent(bounceRate(d)), percent(policy.maxBounceRate())),
                "Read the bounce reasons (maildoctor bounce parse, or maildoctor explain \"REPLY\"): a rejected "
                        + "sender points to authentication or reputation, a rejected recipient to a pool mailbox "
                        + "that no longer exists (maildoctor warmup test ADDRESS). Warm-up halves the volume until "
                        + "the rate is back under the limit.");
        alert(out, window, AlertKind.AUTH_FAILURE, d -> d.authFailures() > 0, DailyStats::authFailures, 0,
                d -> Severity.ERROR,
                d -> String.format(Locale.ROOT, "receiving mailboxes saw SPF, DKIM or DMARC fail on %d warm-up "
                        + "message%s from this mailbox on %s", d.authFailures(), d.authFailures() == 1 ? "" : "s",
                        d.day()),
                "Publish SPF including the servers this mailbox submits through, sign with DKIM and align DMARC "
                        + "with the From domain: maildoctor domain audit " + domain + " lists the records to change. "
                        + "Warm-up halves the volume while failures continue.");
        return out;
    }

    /** One alert per kind: the latest offending day, and how many days in the window offended. */
    private static void alert(List<Alert> out, List<DailyStats> window, AlertKind kind, Predicate<DailyStats> fires,
                              ToDoubleFunction<DailyStats> value, double threshold,
                              Function<DailyStats, Severity> severity,
                              Function<DailyStats, String> explain, String fix) {
        List<DailyStats> hits = window.stream().filter(fires).toList();
        if (hits.isEmpty()) {
            return;
        }
        DailyStats last = hits.stream().max(Comparator.comparing(DailyStats::day)).orElseThrow();
        String text = explain.apply(last) + (hits.size() > 1 ? "; on " + hits.size() + " days of the window" : "");
        out.add(new Alert(kind, severity.apply(last), last.day(), hits.size(), value.applyAsDouble(last), threshold,
                text, fix));
    }

    /** Bounces over sent; a bounce on a day with nothing sent counts as all bounced, as {@link DayHealth} does. */
    static double bounceRate(DailyStats d) {
        return d.sent() == 0 ? (d.bounces() > 0 ? 1 : 0) : (double) d.bounces() / d.sent();
    }

    static String percent(double rate) {
        double p = rate * 100;
        return p == Math.rint(p) ? String.format(Locale.ROOT, "%d %%", (long) p)
                : String.format(Locale.ROOT, "%.1f %%", p);
    }
}
