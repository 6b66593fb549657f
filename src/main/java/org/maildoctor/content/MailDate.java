package org.maildoctor.content;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date as RFC 5322 writes it (Date, and the stamp after the last ';' of Received), read leniently:
 * the zone is kept as written so that an offset no zone has (-1900) is visible instead of being
 * rejected by {@code java.time}, which is what spam ratware gets wrong.
 *
 * @param epochSecond    the instant, taking the offset at face value
 * @param offsetMinutes  the written offset in minutes east of UTC (0 for named or missing zones)
 * @param offsetPossible the offset exists on Earth: within ±14:00 and minutes 00, 30 or 45
 */
record MailDate(long epochSecond, int offsetMinutes, boolean offsetPossible) {
    private static final Pattern DATE = Pattern.compile(
            "(\\d{1,2})\\s+([A-Za-z]{3})[a-z]*\\s+(\\d{2,4})\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?"
                    + "(?:\\s+([+-])(\\d{2})(\\d{2}))?");
    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

    static Optional<MailDate> parse(String s) {
        Matcher m = DATE.matcher(s);
        if (!m.find()) {
            return Optional.empty();
        }
        int month = MONTHS.indexOf(m.group(2).toLowerCase(Locale.ROOT));
        if (month < 0 || month % 3 != 0) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(3));
        year = year < 50 ? 2000 + year : year < 1000 ? 1900 + year : year;
        int day = Integer.parseInt(m.group(1));
        int hour = Integer.parseInt(m.group(4));
        int minute = Integer.parseInt(m.group(5));
        int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
        if (day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
            return Optional.empty();
        }
        int offHours = m.group(8) == null ? 0 : Integer.parseInt(m.group(8));
        int offMinutes = m.group(9) == null ? 0 : Integer.parseInt(m.group(9));
        int sign = "-".equals(m.group(7)) ? -1 : 1;
        boolean possible = offHours <= 14 && (offMinutes == 0 || offMinutes == 30 || offMinutes == 45);
        int offset = sign * (offHours * 60 + offMinutes);
        try {
            long local = LocalDateTime.of(year, month / 3 + 1, day, hour, minute, Math.min(second, 59))
                    .toEpochSecond(ZoneOffset.UTC);
            return Optional.of(new MailDate(local - offset * 60L, offset, possible));
        } catch (java.time.DateTimeException e) {
            return Optional.empty(); // 31 February and the like
        }
    }
}
