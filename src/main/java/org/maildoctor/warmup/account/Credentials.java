package org.maildoctor.warmup.account;

/**
 * Opens an account's secret at the moment of connecting. Adapters hold this, never a {@link Secret},
 * so the plain password or token exists only for the length of one connection.
 */
@FunctionalInterface
public interface Credentials {

    /** Throws {@link CredentialException} when there is no stored secret or it cannot be decrypted. */
    Secret open(WarmupAccount account);

    /** The stored, sealed secret of the account opened with the master key: the path {@code warmup test} uses. */
    static Credentials stored(AccountRepository repository, CredentialCipher cipher) {
        return account -> cipher.open(repository.sealedSecret(account.address())
                .orElseThrow(() -> new CredentialException("no stored credential for " + account.address())),
                account.address());
    }
}
