package org.maildoctor.placement;

import java.util.List;
import java.util.Optional;
import org.maildoctor.warmup.MailboxProvider;
import org.maildoctor.warmup.account.Endpoint;

/** Where seed mailboxes are kept; the secret goes in and out only sealed. */
public interface SeedRepository {

    /** Throws {@link IllegalArgumentException} when the address is already a seed. */
    Seed add(NewSeed seed, String sealedSecret);

    List<Seed> list();

    Optional<Seed> find(String address);

    Optional<String> sealedSecret(String address);

    /** True when the seed existed. */
    boolean remove(String address);

    /** A seed before it has an id and a creation time. */
    record NewSeed(String address, MailboxProvider provider, Endpoint imap, String username) {
    }
}
