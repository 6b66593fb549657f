package org.maildoctor.warmup.account;

import java.time.Instant;
import java.util.Objects;
import org.maildoctor.warmup.MailboxProvider;

/**
 * A mailbox taking part in warm-up. Holds no secret: the password or token lives only encrypted
 * in the store and is decrypted into a {@link Secret} at the moment of connecting.
 */
public record WarmupAccount(long id, String address, MailboxProvider provider, Endpoint smtp, Endpoint imap,
                            String username, AuthKind auth, Instant createdAt) {
    public WarmupAccount {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(smtp, "smtp");
        Objects.requireNonNull(imap, "imap");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
