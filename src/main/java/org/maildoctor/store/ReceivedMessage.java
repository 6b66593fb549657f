package org.maildoctor.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A message the deliverability-test receiver accepted: its SMTP envelope, where the raw bytes are,
 * and (once analysed) the score and the report document (JSON).
 */
public record ReceivedMessage(long id, String token, Instant receivedAt, String clientIp, String helo,
                              String mailFrom, List<String> recipients, boolean tls, long sizeBytes, String rawPath,
                              Optional<Double> score, Optional<String> reportJson, Optional<Instant> analyzedAt) {
    public ReceivedMessage {
        recipients = List.copyOf(recipients);
    }

    /** A message about to be stored (no id yet, not analysed). */
    public static ReceivedMessage incoming(String token, Instant receivedAt, String clientIp, String helo,
                                           String mailFrom, List<String> recipients, boolean tls, long sizeBytes,
                                           String rawPath) {
        return new ReceivedMessage(0, token, receivedAt, clientIp, helo, mailFrom, recipients, tls, sizeBytes, rawPath,
                Optional.empty(), Optional.empty(), Optional.empty());
    }
}
