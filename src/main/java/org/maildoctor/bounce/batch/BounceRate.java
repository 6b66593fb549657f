package org.maildoctor.bounce.batch;

/**
 * Failed recipients against messages sent. The 2 % line is where mailbox providers and ESPs start to
 * treat a sender's list as unkept (Google's and Yahoo's 2024 sender rules, most ESPs' suspension
 * thresholds); {@link #aboveLine()} says the list needs cleaning before the next send.
 */
public record BounceRate(long sent, long bounced, long hard, double rate, double hardRate) {

    public static final double LINE = 0.02;

    public static BounceRate of(long sent, long bounced, long hard) {
        if (sent <= 0) {
            throw new IllegalArgumentException("sent must be positive");
        }
        return new BounceRate(sent, bounced, hard, (double) bounced / sent, (double) hard / sent);
    }

    public boolean aboveLine() {
        return rate > LINE;
    }

    public String explanation() {
        String pct = String.format(java.util.Locale.ROOT, "%.2f %%", rate * 100);
        return aboveLine()
                ? "bounce rate " + pct + " is above the 2 % line: remove the hard bounces (suppression list) and "
                        + "check the clusters before sending again"
                : "bounce rate " + pct + " is below the 2 % line";
    }
}
