package org.maildoctor.warmup;

import java.time.LocalDate;

/** One calendar day of a ramp: how many warm-up messages to send and how many received ones to answer. */
public record PlanDay(int day, LocalDate date, int volume, DayAction action, int replies) {
}
