package org.maildoctor.generate;

/**
 * One step of a DMARC rollout: the record to publish, how long to keep it, and what to look for in
 * the aggregate reports before moving on.
 */
public record RolloutStage(int step, String record, String duration, String moveOnWhen) {
}
