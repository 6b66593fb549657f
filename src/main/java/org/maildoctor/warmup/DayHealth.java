package org.maildoctor.warmup;

/**
 * What one sending day produced for a mailbox: messages sent, bounces, warm-up messages found in
 * spam, and received warm-up messages whose SPF/DKIM/DMARC failed.
 */
public record DayHealth(int sent, int bounces, int spam, int authFailures) {
    /** Above this bounce rate a sender is in trouble with every large provider. */
    public static final double MAX_BOUNCE_RATE = 0.02;
    /** Spam placement above this holds growth. */
    public static final double WATCH_SPAM_RATE = 0.05;
    /** Spam placement above this cuts volume. */
    public static final double BAD_SPAM_RATE = 0.20;

    public DayHealth {
        if (sent < 0 || bounces < 0 || spam < 0 || authFailures < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    public static DayHealth clean(int sent) {
        return new DayHealth(sent, 0, 0, 0);
    }

    public HealthVerdict verdict() {
        if (authFailures > 0 || rate(bounces) > MAX_BOUNCE_RATE || rate(spam) > BAD_SPAM_RATE) {
            return HealthVerdict.BAD;
        }
        return rate(spam) > WATCH_SPAM_RATE ? HealthVerdict.WATCH : HealthVerdict.HEALTHY;
    }

    private double rate(int n) {
        // nothing sent but something bounced is still a bad sign, not a division by zero
        return sent == 0 ? (n > 0 ? 1 : 0) : (double) n / sent;
    }
}
