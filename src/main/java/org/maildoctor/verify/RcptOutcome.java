package org.maildoctor.verify;

/** What one RCPT TO reply says about the recipient (see {@link ReplyInterpreter}). */
public enum RcptOutcome {
    /** 2xx. */
    ACCEPTED,
    /** 5xx x.1.1 / x.1.10 or "user unknown" wording. */
    USER_UNKNOWN,
    /** 5xx x.2.1 or "disabled/suspended" wording. */
    DISABLED,
    /** x.2.2 (4xx or 5xx) or "mailbox full" wording. */
    MAILBOX_FULL,
    /** 452 x.5.3 "too many recipients": not about this address; start a new transaction and ask again. */
    TOO_MANY_RECIPIENTS,
    /** Any other 4xx: try again later (greylisting, rate limits). */
    TRY_LATER,
    /** x.7.x or a reputation/policy wording: the server refused the probe, not the mailbox. */
    BLOCKED,
    /** A 5xx that names no conclusive cause. */
    INCONCLUSIVE
}
