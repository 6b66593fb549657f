package org.maildoctor.store;

import java.time.Instant;

/** One execution of a recurring task: which instant it was scheduled for, which node ran it, when. */
public record SchedulerRun(String taskName, Instant scheduledFor, String node, Instant ranAt) {
}
