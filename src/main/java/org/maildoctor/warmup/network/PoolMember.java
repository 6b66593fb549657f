package org.maildoctor.warmup.network;

import java.util.Locale;
import java.util.Objects;
import org.maildoctor.warmup.MailboxProvider;

/** A mailbox taking part in a warm-up pool, with who owns it (a user of the installation). */
public record PoolMember(String address, MailboxProvider provider, String owner) {
    public PoolMember {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(owner, "owner");
        if (address.indexOf('@') < 1) {
            throw new IllegalArgumentException("not an address: " + address);
        }
    }

    public String domain() {
        return address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }
}
