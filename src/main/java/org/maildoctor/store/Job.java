package org.maildoctor.store;

import java.time.Instant;

/** A bulk job row; {@code payload} is the job kind's own (JSON) text, may be null. */
public record Job(long id, String kind, JobStatus status, Instant createdAt, Instant updatedAt,
                  String payload, JobProgress progress) {
}
