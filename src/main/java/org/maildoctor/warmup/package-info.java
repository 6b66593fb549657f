/**
 * Mailbox warm-up. So far the pure ramp planner: {@link org.maildoctor.warmup.RampRequest} (start,
 * target, step, provider cap, campaign volume, weekdays only, reply rate, zone, business hours) →
 * {@link org.maildoctor.warmup.Planner} → {@link org.maildoctor.warmup.WarmupPlan}, replayed with
 * observed {@link org.maildoctor.warmup.DayHealth} to cut, hold or regrow volume.
 */
package org.maildoctor.warmup;
