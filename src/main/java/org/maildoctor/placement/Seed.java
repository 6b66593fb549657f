package org.maildoctor.placement;

import java.time.Instant;
import java.util.Objects;
import org.maildoctor.warmup.MailboxProvider;
import org.maildoctor.warmup.account.Endpoint;

/**
 * A seed mailbox: an address at a mailbox provider that we may read over IMAP. Holds no secret;
 * the app password lives sealed in the store and is opened at the moment of connecting.
 */
public record Seed(long id, String address, MailboxProvider provider, Endpoint imap, String username,
                   Instant createdAt) {
    public Seed {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(imap, "imap");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
