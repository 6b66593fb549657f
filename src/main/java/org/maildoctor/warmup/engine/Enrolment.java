package org.maildoctor.warmup.engine;

import java.time.Instant;
import java.util.Objects;
import org.maildoctor.warmup.RampRequest;

/**
 * An account in the engine: the ramp it follows (its {@link RampRequest} always has a start date) and
 * its status. {@code problem} says why a paused account stopped, in words for the user.
 */
public record Enrolment(String address, RampRequest ramp, AccountStatus status, String problem, Instant statusAt) {
    public Enrolment {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(ramp, "ramp");
        Objects.requireNonNull(status, "status");
        if (ramp.startDate().isEmpty()) {
            throw new IllegalArgumentException("an enrolled ramp needs a start date");
        }
    }

    public boolean active() {
        return status == AccountStatus.ACTIVE;
    }
}
