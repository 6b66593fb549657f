package org.maildoctor.transport.mtasts;

/** The {@code mode} of an MTA-STS policy (RFC 8461 §5). */
public enum Mode {
    /** Senders must not deliver to an MX that fails validation. */
    ENFORCE,
    /** Senders deliver anyway and report failures through TLS-RPT. */
    TESTING,
    /** No active policy (used to withdraw one). */
    NONE
}
