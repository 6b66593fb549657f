package org.maildoctor.warmup;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Function;

/**
 * A {@link RampRequest} from named text values (the REST query and the web form use the CLI's
 * option names without dashes), so every front end reports the same error for the same mistake.
 */
public final class RampParameters {
    private RampParameters() {
    }

    /** @param get value of a parameter, or null when absent */
    public static RampRequest parse(Function<String, String> get) {
        int start = integer(get, "start", 5);
        int target = integer(get, "target", -1);
        if (target < 0) {
            throw new IllegalArgumentException("target is required (the daily volume to reach)");
        }
        String provider = get.apply("provider");
        RampRequest r = RampRequest.of(start, target,
                provider == null || provider.isBlank() ? MailboxProvider.CUSTOM : MailboxProvider.parse(provider))
                .withStep(integer(get, "step", RampRequest.DEFAULT_STEP))
                .withCampaignVolume(integer(get, "campaignVolume", 0))
                .withWeekdaysOnly(bool(get, "weekdaysOnly"))
                .withDays(integer(get, "days", 0))
                .withSeed(integer(get, "seed", 0));
        if (bool(get, "new")) {
            r = r.withAge(MailboxAge.NEW);
        }
        String cap = get.apply("cap");
        if (cap != null && !cap.isBlank()) {
            r = r.withCap(integer(get, "cap", 0));
        }
        String reply = get.apply("replyRate");
        if (reply != null && !reply.isBlank()) {
            try {
                r = r.withReplyRate(Double.parseDouble(reply.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("replyRate must be a number between 0 and 1, got '" + reply + "'");
            }
        }
        String tz = get.apply("tz");
        if (tz != null && !tz.isBlank()) {
            r = r.withZone(zone(tz));
        }
        String hours = get.apply("hours");
        if (hours != null && !hours.isBlank()) {
            LocalTime[] h = hours(hours);
            r = r.withBusinessHours(h[0], h[1]);
        }
        String date = get.apply("startDate");
        if (date != null && !date.isBlank()) {
            try {
                r = r.withStartDate(LocalDate.parse(date.trim()));
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("startDate must be YYYY-MM-DD, got '" + date + "'");
            }
        }
        return r;
    }

    public static ZoneId zone(String tz) {
        try {
            return ZoneId.of(tz.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone '" + tz + "' (use a region such as Europe/Berlin)");
        }
    }

    /** {@code HH:MM-HH:MM}. */
    public static LocalTime[] hours(String text) {
        String[] parts = text.trim().split("-");
        try {
            if (parts.length == 2) {
                return new LocalTime[] {LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim())};
            }
        } catch (DateTimeException e) {
            // fall through to the one message
        }
        throw new IllegalArgumentException("business hours must look like 09:00-17:00, got '" + text + "'");
    }

    private static int integer(Function<String, String> get, String name, int dflt) {
        String v = get.apply(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + v + "'");
        }
    }

    private static boolean bool(Function<String, String> get, String name) {
        String v = get.apply(name);
        if (v == null || v.isBlank()) {
            return false;
        }
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes", "1" -> true;
            case "false", "off", "no", "0" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, got '" + v + "'");
        };
    }
}
