package org.maildoctor.verify;

import java.util.Locale;

/** Whether mail to an address would be accepted. "undeliverable" only on conclusive evidence. */
public enum Verdict {
    /** The address's mail server accepted the recipient, and nothing makes that doubtful. */
    DELIVERABLE,
    /** Conclusive evidence that mail will bounce: bad syntax, no such domain, null MX, 5.1.1, 5.2.1. */
    UNDELIVERABLE,
    /** Mail would probably be accepted, but may not reach a person: catch-all, mailbox full, disposable, role. */
    RISKY,
    /** The evidence is not conclusive: greylisting, a policy block of the probe, a timeout, an accept-all provider. */
    UNKNOWN;

    /** The JSON and CSV spelling, e.g. {@code undeliverable}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
