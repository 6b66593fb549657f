package org.maildoctor.warmup.account;

import org.maildoctor.warmup.MailboxProvider;

import java.util.List;
import java.util.Optional;

/** Where warm-up accounts are kept; the secret goes in and out only in its sealed form. */
public interface AccountRepository {

    /** Adds the account; throws {@link IllegalArgumentException} when the address is already there. */
    WarmupAccount add(NewAccount account, String sealedSecret);

    List<WarmupAccount> list();

    Optional<WarmupAccount> find(String address);

    /** The sealed secret of the account, for the moment of connecting. */
    Optional<String> sealedSecret(String address);

    /** True when the account existed. */
    boolean remove(String address);

    /** An account before it has an id and a creation time. */
    record NewAccount(String address, MailboxProvider provider, Endpoint smtp, Endpoint imap, String username,
                      AuthKind auth) {
    }

}
