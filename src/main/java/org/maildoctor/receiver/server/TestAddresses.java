package org.maildoctor.receiver.server;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.maildoctor.store.IssuedToken;
import org.maildoctor.store.TokenRepository;

/**
 * Test addresses: a token issued for purpose {@value #PURPOSE} whose subject is the test domain, so
 * {@code <token>@<domain>} is accepted only at the domain it was issued for.
 */
public final class TestAddresses {
    public static final String PURPOSE = "deliverability-test";
    public static final Duration DEFAULT_TTL = Duration.ofHours(24);

    /** An issued address. */
    public record TestAddress(String address, String token, Instant expires) {
    }

    private TestAddresses() {
    }

    public static TestAddress issue(TokenRepository tokens, String testDomain, Duration ttl) {
        String domain = testDomain.strip().toLowerCase(Locale.ROOT);
        IssuedToken t = tokens.issue(PURPOSE, domain, ttl);
        return new TestAddress(t.token() + "@" + domain, t.token(), t.expiresAt());
    }

    /** The test token a recipient address names, if it was issued for that domain and has not expired. */
    public static Optional<IssuedToken> accepted(TokenRepository tokens, String recipient, Instant now) {
        String r = recipient.strip();
        int at = r.lastIndexOf('@');
        if (at <= 0 || at == r.length() - 1) {
            return Optional.empty();
        }
        String local = r.substring(0, at).toLowerCase(Locale.ROOT);
        String domain = r.substring(at + 1).toLowerCase(Locale.ROOT).replaceFirst("\\.$", "");
        if (!local.matches("[0-9a-f]{32}")) {
            return Optional.empty();
        }
        return tokens.find(local).filter(t -> t.purpose().equals(PURPOSE) && t.subject().equals(domain)
                && now.isBefore(t.expiresAt()));
    }

    /** The address of an issued token. */
    public static String address(IssuedToken t) {
        return t.token() + "@" + t.subject();
    }
}
