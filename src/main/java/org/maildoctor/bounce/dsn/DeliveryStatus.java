package org.maildoctor.bounce.dsn;

import java.util.List;

/**
 * A parsed message/delivery-status body (RFC 3464 §2.1): the per-message fields and one
 * {@link RecipientFields} per recipient group.
 */
public record DeliveryStatus(String reportingMta, String arrivalDate, String receivedFromMta,
        List<RecipientFields> recipients) {

    public DeliveryStatus {
        recipients = List.copyOf(recipients);
    }
}
