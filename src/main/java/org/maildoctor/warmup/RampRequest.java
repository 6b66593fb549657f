package org.maildoctor.warmup;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The inputs of one mailbox's warm-up ramp. Immutable; start from {@link #of} and change one
 * thing at a time with the {@code with…} methods. Every constraint is checked here, so a planner
 * never sees an impossible request and errors read as the user's own words ("--target must …").
 *
 * @param start        volume on the first sending day (commonly 3–5)
 * @param target       daily volume to plateau at
 * @param step         the most the volume may grow from one sending day to the next
 * @param provider     where the mailbox lives; its daily limit caps the curve
 * @param capOverride  a lower daily cap than the provider's (or the only cap of a custom server)
 * @param age          a new domain/mailbox grows at half the step
 * @param campaignVolume mail the mailbox already sends each day outside warm-up; it counts against the cap
 * @param weekdaysOnly  no warm-up on Saturdays and Sundays
 * @param replyRate    share of received warm-up mail the network answers (0–1)
 * @param zone         the mailbox's time zone: business hours and dates are local to it
 * @param businessStart first moment of the sending window
 * @param businessEnd   end (exclusive) of the sending window
 * @param startDate    the first day; empty means today in {@code zone} by the planner's clock
 * @param seed         send times are random but reproducible for the same seed
 * @param days         length of the plan; 0 means until the target day plus a week of plateau
 */
public record RampRequest(int start, int target, int step, MailboxProvider provider, OptionalInt capOverride,
                          MailboxAge age, int campaignVolume, boolean weekdaysOnly, double replyRate, ZoneId zone,
                          LocalTime businessStart, LocalTime businessEnd, Optional<LocalDate> startDate, long seed,
                          int days) {
    public static final int MAX_DAYS = 3650;
    public static final int DEFAULT_STEP = 2;

    public RampRequest {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(capOverride, "capOverride");
        Objects.requireNonNull(age, "age");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(businessStart, "businessStart");
        Objects.requireNonNull(businessEnd, "businessEnd");
        Objects.requireNonNull(startDate, "startDate");
        if (start < 1) {
            throw new IllegalArgumentException("--start must be at least 1, got " + start);
        }
        if (target < start) {
            throw new IllegalArgumentException("--target (" + target + ") must be at least --start (" + start + ")");
        }
        if (step < 1) {
            throw new IllegalArgumentException("--step must be at least 1, got " + step);
        }
        if (capOverride.isPresent() && capOverride.getAsInt() < 1) {
            throw new IllegalArgumentException("--cap must be at least 1, got " + capOverride.getAsInt());
        }
        if (campaignVolume < 0) {
            throw new IllegalArgumentException("--campaign-volume must not be negative, got " + campaignVolume);
        }
        if (!(replyRate >= 0 && replyRate <= 1)) {
            throw new IllegalArgumentException("--reply-rate must be between 0 and 1, got " + replyRate);
        }
        if (!businessStart.isBefore(businessEnd)) {
            throw new IllegalArgumentException("business hours must start before they end: "
                    + businessStart + "-" + businessEnd);
        }
        if (days < 0 || days > MAX_DAYS) {
            throw new IllegalArgumentException("--days must be 1-" + MAX_DAYS + " (or 0 for automatic), got " + days);
        }
        if (start > room(provider, capOverride, campaignVolume)) {
            throw new IllegalArgumentException("the daily cap leaves room for only "
                    + room(provider, capOverride, campaignVolume) + " warm-up messages, less than --start " + start);
        }
    }

    /** Defaults: aged mailbox, step 2, no campaign, every day, 30 % replies, UTC, 09:00–17:00. */
    public static RampRequest of(int start, int target, MailboxProvider provider) {
        return new RampRequest(start, target, DEFAULT_STEP, provider, OptionalInt.empty(), MailboxAge.AGED, 0, false,
                0.3, ZoneOffset.UTC, LocalTime.of(9, 0), LocalTime.of(17, 0), Optional.empty(), 0, 0);
    }

    public RampRequest withStep(int s) {
        return new RampRequest(start, target, s, provider, capOverride, age, campaignVolume, weekdaysOnly, replyRate,
                zone, businessStart, businessEnd, startDate, seed, days);
    }

    public RampRequest withCap(int cap) {
        return new RampRequest(start, target, step, provider, OptionalInt.of(cap), age, campaignVolume, weekdaysOnly,
                replyRate, zone, businessStart, businessEnd, startDate, seed, days);
    }

    public RampRequest withAge(MailboxAge a) {
        return new RampRequest(start, target, step, provider, capOverride, a, campaignVolume, weekdaysOnly, replyRate,
                zone, businessStart, businessEnd, startDate, seed, days);
    }

    public RampRequest withCampaignVolume(int v) {
        return new RampRequest(start, target, step, provider, capOverride, age, v, weekdaysOnly, replyRate,
                zone, businessStart, businessEnd, startDate, seed, days);
    }

    public RampRequest withWeekdaysOnly(boolean w) {
        return new RampRequest(start, target, step, provider, capOverride, age, campaignVolume, w, replyRate,
                zone, businessStart, businessEnd, startDate, seed, days);
    }

    public RampRequest withReplyRate(double r) {
        return new RampRequest(start, target, step, provider, capOverride, age, campaignVolume, weekdaysOnly, r,
                zone, businessStart, businessEnd, startDate, seed, days);
    }

    public RampRequest withZone(ZoneId z) {
        return new RampRequest(start, target, step, provider, capOverride, age, campaignVolume, weekdaysOnly, replyRate,
                z, businessStart, businessEnd, startDate, seed, days);
    }

    public RampRequest withBusinessHours(LocalTime from, LocalTime to) {
        return new RampRequest(start, target, step, provider, capOverride, age, campaignVolume, weekdaysOnly, replyRate,
                zone, from, to, startDate, seed, days);
    }

    public RampRequest withStartDate(LocalDate d) {
        return new RampRequest(start, target, step, provider, capOverride, age, campaignVolume, weekdaysOnly, replyRate,
                zone, businessStart, businessEnd, Optional.of(d), seed, days);
    }

    public RampRequest withSeed(long s) {
        return new RampRequest(start, target, step, provider, capOverride, age, campaignVolume, weekdaysOnly, replyRate,
                zone, businessStart, businessEnd, startDate, s, days);
    }

    public RampRequest withDays(int d) {
        return new RampRequest(start, target, step, provider, capOverride, age, campaignVolume, weekdaysOnly, replyRate,
                zone, businessStart, businessEnd, startDate, seed, d);
    }

    /** The daily cap on warm-up mail: the provider's limit (or the lower override) less the campaign volume. */
    public int warmupCap() {
        return room(provider, capOverride, campaignVolume);
    }

    /** The volume the curve plateaus at: the target, unless the cap is lower. */
    public int effectiveTarget() {
        return Math.min(target, warmupCap());
    }

    /** Growth per sending day: the step, or half of it (rounded up) for a new domain or mailbox. */
    public int growth() {
        return age == MailboxAge.NEW ? (step + 1) / 2 : step;
    }

    private static int room(MailboxProvider provider, OptionalInt capOverride, int campaignVolume) {
        long cap = Integer.MAX_VALUE;
        if (provider.dailyLimit().isPresent()) {
            cap = provider.dailyLimit().getAsInt();
        }
        if (capOverride.isPresent()) {
            cap = Math.min(cap, capOverride.getAsInt());
        }
        return (int) Math.max(0, cap - campaignVolume);
    }
}
