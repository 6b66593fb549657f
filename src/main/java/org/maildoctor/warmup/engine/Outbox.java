package org.maildoctor.warmup.engine;

import org.maildoctor.warmup.account.WarmupAccount;
import org.maildoctor.warmup.network.WarmupMessage;

/** Sends warm-up mail from a pool mailbox (its SMTP submission server in production). */
public interface Outbox {

    SendOutcome send(WarmupAccount from, WarmupMessage message);

    /** ACCEPTED: the submission server took it. DEFERRED: 4xx, rate limit, connection trouble; retry later.
     *  REJECTED: 5xx for this message (counts as a bounce). ACCOUNT_FAILED: auth or configuration; pause the account. */
    enum Status { ACCEPTED, DEFERRED, REJECTED, ACCOUNT_FAILED }

    record SendOutcome(Status status, String detail) {
    }
}
