package org.maildoctor.store;

import java.time.Duration;
import java.util.Optional;

/** Issued single-use tokens; "now" comes from the store's injected clock. */
public interface TokenRepository {

    /** Creates an unguessable token (128 random bits as 32 lower-case hex digits, usable in an email local part) valid for {@code ttl}. */
    IssuedToken issue(String purpose, String subject, Duration ttl);

    /** Any token, valid or not. */
    Optional<IssuedToken> find(String token);

    /** The token if it exists, is unused and has not expired. */
    Optional<IssuedToken> findValid(String token);

    /**
     * Consumes a valid token atomically: of two concurrent callers only one gets true.
     * False when it is unknown, expired or already used.
     */
    boolean markUsed(String token);

    /** Makes the token expire now (revocation); false if unknown. */
    boolean expire(String token);

    /** Deletes tokens that expired before now; returns how many. */
    int purgeExpired();
}
