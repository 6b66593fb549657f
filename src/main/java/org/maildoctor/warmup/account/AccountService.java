package org.maildoctor.warmup.account;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Adding, testing and removing warm-up mailboxes, for the web and REST front ends: the plain
 * secret exists only inside these calls (sealed before it is stored, wiped afterwards), and nothing
 * returned carries it.
 */
public final class AccountService {
    private final AccountRepository repository;
    private final CredentialCipher cipher;
    private final ConnectionCheck check;
    private final Clock clock;

    public AccountService(AccountRepository repository, CredentialCipher cipher, ConnectionCheck check, Clock clock) {
        this.repository = repository;
        this.cipher = cipher;
        this.check = check;
        this.clock = clock;
    }

    /** {@code account} is null when the connection test failed (nothing stored); {@code report} is null when untested. */
    public record Added(WarmupAccount account, ConnectionReport report) {
    }

    /**
     * Tests the connection first (unless {@code test} is false) and stores the account only when it
     * passed. Throws {@link IllegalArgumentException} when the address is already an account.
     * Always wipes {@code secret}.
     */
    public Added add(AccountRepository.NewAccount a, Secret secret, boolean test) {
        try {
            if (repository.find(a.address()).isPresent()) {
                throw new IllegalArgumentException(a.address() + " is already a warm-up account");
            }
            ConnectionReport report = null;
            if (test) {
                report = check.test(new WarmupAccount(0, a.address(), a.provider(), a.smtp(), a.imap(), a.username(),
                        a.auth(), clock.instant()), secret);
                if (!report.ok()) {
                    return new Added(null, report);
                }
            }
            return new Added(repository.add(a, cipher.seal(secret, a.address())), report);
        } finally {
            secret.wipe();
        }
    }

    /** Empty when there is no such account. */
    public Optional<ConnectionReport> test(String address) {
        Optional<WarmupAccount> account = repository.find(address);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        Secret secret = cipher.open(repository.sealedSecret(address).orElseThrow(), account.get().address());
        try {
            return Optional.of(check.test(account.get(), secret));
        } finally {
            secret.wipe();
        }
    }

    public List<WarmupAccount> list() {
        return repository.list();
    }

    public Optional<WarmupAccount> find(String address) {
        return repository.find(address);
    }

    public boolean remove(String address) {
        return repository.remove(address);
    }
}
