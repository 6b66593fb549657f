package org.maildoctor.verify;

import java.util.Locale;

/** Facts about an address that hold whatever the mail server says. */
public enum Flag {
    /** The domain (or a parent of it) is a disposable mailbox service. */
    DISPOSABLE,
    /** The local part names a role (admin, support, noreply …). */
    ROLE,
    /** A free consumer mailbox provider; flagged, never penalised. */
    FREE,
    /** The domain accepts mail for any local part. */
    CATCHALL,
    /** The domain's mail provider accepts every recipient at RCPT time. */
    ACCEPT_ALL_PROVIDER;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
