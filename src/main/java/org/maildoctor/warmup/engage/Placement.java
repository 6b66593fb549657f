package org.maildoctor.warmup.engage;

/** Where a receiving mailbox filed a warm-up message, as the inbox-placement trade names it. */
public enum Placement {
    INBOX,
    SPAM,
    /** Gmail's Promotions / Updates / Social tabs and similar provider categories. */
    CATEGORY,
    /** Any other folder (a user rule, Archive…). */
    OTHER,
    /** Not found in any folder by the deadline. */
    MISSING
}
