package org.maildoctor.store.jdbc;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.maildoctor.store.IssuedToken;
import org.maildoctor.store.TokenRepository;

final class JdbcTokenRepository implements TokenRepository {
    private static final String COLUMNS = "token, purpose, subject, created_at, expires_at, used_at";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbc jdbc;
    private final Clock clock;

    JdbcTokenRepository(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public IssuedToken issue(String purpose, String subject, Duration ttl) {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(subject, "subject");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("token lifetime must be positive: " + ttl);
        }
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        // 128 bits as lower-case hex: tokens end up in email local parts (max 64 chars, may be case-folded)
        String token = HexFormat.of().formatHex(bytes);
        Instant now = Jdbc.truncate(clock.instant());
        Instant expires = Jdbc.truncate(now.plus(ttl));
        jdbc.update("INSERT INTO issued_token (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, NULL)", ps -> {
            ps.setString(1, token);
            ps.setString(2, purpose);
            ps.setString(3, subject);
            Jdbc.setInstant(ps, 4, now);
            Jdbc.setInstant(ps, 5, expires);
        });
        return new IssuedToken(token, purpose, subject, now, expires, null);
    }

    @Override
    public Optional<IssuedToken> find(String token) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM issued_token WHERE token = ?",
                ps -> ps.setString(1, token), JdbcTokenRepository::map);
    }

    @Override
    public Optional<IssuedToken> findValid(String token) {
        Instant now = clock.instant();
        return find(token).filter(t -> t.validAt(now));
    }

    @Override
    public boolean markUsed(String token) {
        Instant now = clock.instant();
        // the conditions in the WHERE make consumption atomic: a second caller updates no row
        return jdbc.update("UPDATE issued_token SET used_at = ? WHERE token = ? AND used_at IS NULL AND expires_at > ?",
                ps -> {
                    Jdbc.setInstant(ps, 1, now);
                    ps.setString(2, token);
                    Jdbc.setInstant(ps, 3, now);
                }) == 1;
    }

    @Override
    public boolean expire(String token) {
        Instant now = clock.instant();
        return jdbc.update("UPDATE issued_token SET expires_at = ? WHERE token = ? AND expires_at > ?", ps -> {
            Jdbc.setInstant(ps, 1, now);
            ps.setString(2, token);
            Jdbc.setInstant(ps, 3, now);
        }) == 1 || find(token).isPresent();
    }

    @Override
    public int purgeExpired() {
        Instant now = clock.instant();
        return jdbc.update("DELETE FROM issued_token WHERE expires_at <= ?", ps -> Jdbc.setInstant(ps, 1, now));
    }

    private static IssuedToken map(ResultSet rs) throws SQLException {
        return new IssuedToken(rs.getString("token"), rs.getString("purpose"), rs.getString("subject"),
                Jdbc.getInstant(rs, "created_at"), Jdbc.getInstant(rs, "expires_at"), Jdbc.getInstant(rs, "used_at"));
    }
}
