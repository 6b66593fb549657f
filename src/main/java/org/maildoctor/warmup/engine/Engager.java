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

    /**
     * {@code failure} is null when the pass ran; otherwise what failed (auth, connection, folder…), with
     * the observations made before it. {@code accountFailed}: the failure is the account's (login refused,
     * credential unreadable, server name unknown) and retrying will not help until the user acts — pause it.
     * {@code warnings}: what went wrong for single folders or messages while the pass went on (a folder
     * that disappeared, a message deleted mid-run, a rescue refused because the mailbox is over quota).
     */
    record EngagementResult(List<Observation> observations, int cleanedUp, String failure, boolean accountFailed,
                            List<String> warnings) {
        public EngagementResult {
            observations = List.copyOf(observations);
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }

        public EngagementResult(List<Observation> observations, int cleanedUp, String failure) {
            this(observations, cleanedUp, failure, false, List.of());
        }

        public boolean ok() {
            return failure == null;
        }
    }
}
