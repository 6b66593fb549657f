package org.maildoctor.warmup;

/** How a day's signals steer the next sending day. */
public enum HealthVerdict {
    HEALTHY,
    /** Some spam placement: hold volume. */
    WATCH,
    /** Bounces over 2 %, heavy spam placement or any authentication failure: cut volume. */
    BAD
}
