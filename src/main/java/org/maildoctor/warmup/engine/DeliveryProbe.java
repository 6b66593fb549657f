package org.maildoctor.warmup.engine;

import org.maildoctor.warmup.account.WarmupAccount;

/**
 * Looks for a Message-ID in a receiving mailbox (every folder; IMAP in production). The engine asks
 * it about a ledger row left {@link SendState#SENDING} by a crash, so a message that did go out is
 * recorded as sent rather than sent twice.
 */
public interface DeliveryProbe {

    Presence find(WarmupAccount recipient, String messageId);

    /** UNKNOWN: the mailbox could not be searched (connection, auth); ask again later. */
    enum Presence { FOUND, ABSENT, UNKNOWN }
}
