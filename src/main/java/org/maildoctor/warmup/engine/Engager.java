package org.maildoctor.warmup.engine;

import java.time.Instant;
import java.util.List;
import org.maildoctor.warmup.account.WarmupAccount;
import org.maildoctor.warmup.engage.Observation;

/**
 * One engagement pass over a receiving mailbox (IMAP in production): find warm-up messages in every
 * folder, record placement, rescue from spam, mark read and flagged, reply in thread with the
 * policy's probability (the reply goes out through the {@link Outbox}), and clean up old ones.
 */
public interface Engager {

    EngagementResult engage(WarmupAccount mailbox, EngagementPolicy policy, Instant now);

    record EngagementPolicy(double replyProbability, int deleteAfterDays) {
    }

    /** {@code failure} is null when the pass ran; otherwise what failed (auth, connection, folder…). */
    record EngagementResult(List<Observation> observations, int cleanedUp, String failure) {
        public EngagementResult {
            observations = List.copyOf(observations);
        }
    }
}
