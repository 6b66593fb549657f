package org.maildoctor.store;

import java.time.Instant;

/** One stored setting; {@code version} grows by one on every write (for compare-and-set). */
public record Setting(String key, String value, Instant updatedAt, long version) {
}
