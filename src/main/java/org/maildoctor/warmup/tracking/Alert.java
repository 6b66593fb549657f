package org.maildoctor.warmup.tracking;

import java.time.LocalDate;
import org.maildoctor.model.Severity;

/**
 * A warm-up signal that crossed its threshold.
 *
 * @param lastDay      the latest day in the window it happened
 * @param days         on how many days of the window it happened
 * @param value        the rate (or, for authentication, the count) on {@code lastDay}
 * @param threshold    the limit it crossed
 */
public record Alert(AlertKind kind, Severity severity, LocalDate lastDay, int days, double value, double threshold,
                    String explanation, String fix) {
}
