package org.maildoctor.warmup.tracking;

/**
 * The thresholds a mailbox's warm-up health is judged by.
 *
 * @param spamAlertRate     spam placement above this share of placed messages raises an alert
 * @param maxBounceRate     bounces above this share of sent messages raise an alert (2 %: the point where
 *                          large providers start to throttle or block)
 * @param fullReplyRate     a reply rate at or above this earns all the reply points
 * @param windowDays        how many days, ending today, the score and alerts look at
 */
public record HealthPolicy(double spamAlertRate, double maxBounceRate, double fullReplyRate, int windowDays) {
    public static final HealthPolicy DEFAULT = new HealthPolicy(0.10, 0.02, 0.20, 7);

    public HealthPolicy {
        if (!(spamAlertRate >= 0 && spamAlertRate < 1)) {
            throw new IllegalArgumentException("spam threshold must be between 0 and 1 (a share), got " + spamAlertRate);
        }
        if (!(maxBounceRate >= 0 && maxBounceRate < 1)) {
            throw new IllegalArgumentException("bounce threshold must be between 0 and 1, got " + maxBounceRate);
        }
        if (!(fullReplyRate > 0 && fullReplyRate <= 1)) {
            throw new IllegalArgumentException("full reply rate must be above 0 and at most 1, got " + fullReplyRate);
        }
        if (windowDays < 1 || windowDays > 366) {
            throw new IllegalArgumentException("the window must be 1 to 366 days, got " + windowDays);
        }
    }

    public HealthPolicy withSpamAlertRate(double rate) {
        return new HealthPolicy(rate, maxBounceRate, fullReplyRate, windowDays);
    }

    public HealthPolicy withWindowDays(int days) {
        return new HealthPolicy(spamAlertRate, maxBounceRate, fullReplyRate, days);
    }
}
