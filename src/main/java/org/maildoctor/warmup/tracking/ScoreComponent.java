package org.maildoctor.warmup.tracking;

/**
 * One part of the health score: what was measured, the points it earned out of its weight, and why.
 *
 * @param code        stable JSON name: {@code inbox}, {@code spam}, {@code bounces}, {@code auth}, {@code replies}
 * @param value       the measured rate (0-1), or null when there was nothing to measure (full points)
 */
public record ScoreComponent(String code, String label, Double value, int points, int weight, String explanation) {
}
