package org.maildoctor.auth.spf;

/** Which identity was checked (RFC 7208 2.3, 2.4). */
public enum SpfIdentity {
    /** The MAIL FROM reverse-path (or postmaster@HELO for a null reverse-path). */
    MAIL_FROM,
    /** The HELO/EHLO domain. */
    HELO
}
