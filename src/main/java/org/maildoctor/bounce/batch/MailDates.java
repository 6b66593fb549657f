package org.maildoctor.bounce.batch;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the dates bounces and logs carry: RFC 5322 ({@code Thu, 29 Apr 2010 23:34:45 +0900 (JST)}),
 * ISO 8601, Exim's {@code 2026-12-06 01:42:03}, and syslog's yearless {@code Dec  6 01:42:03} (the
 * year is given by the caller, who knows when the log was written). Pure; unknown forms give empty.
 */
public final class MailDates {

    private static final DateTimeFormatter RFC5322 = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .optionalStart().appendPattern("EEE, ").optionalEnd()
            .appendPattern("d MMM yyyy H:mm[:ss] xx").toFormatter(Locale.ROOT);
    private static final DateTimeFormatter EXIM = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS][ xx]", Locale.ROOT);
    private static final DateTimeFormatter SYSLOG = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("MMM d HH:mm:ss").parseDefaulting(java.time.temporal.ChronoField.YEAR, 2000)
            .toFormatter(Locale.ROOT);

    private MailDates() {
    }

    public static Optional<Instant> parse(String text, Year yearOfYearlessDates) {
        if (text == null || text.isBlank() || text.length() > 200) {
            return Optional.empty();
        }
        String t = text.replaceAll("\\([^)]*\\)", " ").replaceAll("\\s+", " ").trim();
        t = t.replaceAll(" (?:UT|GMT|Z)$", " +0000").replaceAll(" ([+-]\\d\\d):(\\d\\d)$", " $1$2");
        try {
            return Optional.of(OffsetDateTime.parse(t, RFC5322).toInstant());
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return Optional.of(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            var p = EXIM.parseBest(t, OffsetDateTime::from, LocalDateTime::from);
            return Optional.of(p instanceof OffsetDateTime o ? o.toInstant() : ((LocalDateTime) p).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            LocalDateTime l = LocalDateTime.parse(t, SYSLOG);
            return Optional.of(l.withYear(yearOfYearlessDates.getValue()).toInstant(ZoneOffset.UTC));
        } catch (java.time.DateTimeException ignored) {
            return Optional.empty();
        }
    }
}
