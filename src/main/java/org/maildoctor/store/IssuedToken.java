package org.maildoctor.store;

import java.time.Instant;

/**
 * A single-use token given out for {@code purpose} (e.g. "deliverability-test") about
 * {@code subject} (an address or domain). {@code usedAt} is null until it is consumed.
 */
public record IssuedToken(String token, String purpose, String subject, Instant createdAt,
                          Instant expiresAt, Instant usedAt) {

    public boolean used() {
        return usedAt != null;
    }

    public boolean validAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }
}
