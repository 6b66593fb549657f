package org.maildoctor.warmup.tracking;

import java.util.function.Function;

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

    /**
     * The default policy with {@code spamThreshold} (a share, 0-1, or a percentage such as {@code 10%})
     * and {@code window} (days) when given; the CLI, web and REST name them alike.
     */
    public static HealthPolicy parse(Function<String, String> get) {
        HealthPolicy p = DEFAULT;
        String spam = get.apply("spamThreshold");
        if (spam != null && !spam.isBlank()) {
            String t = spam.trim();
            try {
                double v = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100
                        : Double.parseDouble(t);
                p = p.withSpamAlertRate(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("spamThreshold must be a share such as 0.1 or a percentage "
                        + "such as 10%, got '" + spam + "'");
            }
        }
        String window = get.apply("window");
        if (window != null && !window.isBlank()) {
            try {
                p = p.withWindowDays(Integer.parseInt(window.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("window must be a whole number of days, got '" + window + "'");
            }
        }
        return p;
    }

    public HealthPolicy withSpamAlertRate(double rate) {
        return new HealthPolicy(rate, maxBounceRate, fullReplyRate, windowDays);
    }

    public HealthPolicy withWindowDays(int days) {
        return new HealthPolicy(spamAlertRate, maxBounceRate, fullReplyRate, days);
    }
}
