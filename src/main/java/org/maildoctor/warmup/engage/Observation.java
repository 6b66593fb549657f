package org.maildoctor.warmup.engage;

import java.time.Instant;
import java.util.Objects;

/**
 * What one engagement run saw and did for one warm-up message in a receiving mailbox.
 *
 * @param token       the warm-up identifier of the message
 * @param messageId   its Message-ID
 * @param from        the sending pool mailbox
 * @param folder      the folder it was found in (provider's own name)
 * @param placement   where that folder counts
 * @param rescued     moved from spam to the inbox in this run
 * @param replied     a threaded reply was sent in this run
 * @param authPassed  SPF, DKIM and DMARC passed per the receiver's Authentication-Results, or null when it had none
 * @param seenAt      when the run saw it
 */
public record Observation(String token, String messageId, String from, String folder, Placement placement,
                          boolean rescued, boolean replied, Boolean authPassed, Instant seenAt) {
    public Observation {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(seenAt, "seenAt");
    }
}
