package org.maildoctor.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authentication when the server is exposed beyond loopback. API and /metrics take
 * {@code Authorization: Bearer <secret>}; pages take a session cookie set by the login form. A
 * browser session also opens the API, so pages may call it from the same origin.
 *
 * <p>Sessions live in memory: a restart signs everyone out, which is acceptable for a single-admin
 * tool and avoids persisting session secrets.
 */
final class Auth {
    static final String COOKIE = "maildoctor_session";
    static final Duration SESSION_TTL = Duration.ofHours(12);

    private final Optional<byte[]> bearerDigest;
    private final Optional<byte[]> loginDigest;
    private final Map<String, Instant> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    Auth(WebConfig config, Clock clock) {
        this.bearerDigest = config.bearerSecret().map(Auth::sha256);
        this.loginDigest = config.loginSecret().map(Auth::sha256);
        this.clock = clock;
    }

    boolean enabled() {
        return bearerDigest.isPresent() || loginDigest.isPresent();
    }

    /** True when the request carries a valid bearer token or session cookie. */
    boolean apiAllowed(Context ctx) {
        if (!enabled()) {
            return true;
        }
        String header = ctx.header("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return matches(bearerDigest, header.substring(7).trim());
        }
        return hasSession(ctx);
    }

    boolean hasSession(Context ctx) {
        String id = ctx.cookie(COOKIE);
        if (id == null) {
            return false;
        }
        Instant expiry = sessions.get(id);
        if (expiry == null) {
            return false;
        }
        if (expiry.isBefore(clock.instant())) {
            sessions.remove(id);
            return false;
        }
        return true;
    }

    /** Checks the login form's password; on success opens a session and sets its cookie. */
    boolean login(Context ctx, String password) {
        if (password == null || !matches(loginDigest, password)) {
            return false;
        }
        purgeExpired();
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        sessions.put(id, clock.instant().plus(SESSION_TTL));
        // HttpOnly keeps scripts away from it; SameSite=Strict is the CSRF defence for the forms.
        ctx.header("Set-Cookie", COOKIE + "=" + id + "; Path=/; Max-Age=" + SESSION_TTL.toSeconds()
                + "; HttpOnly; SameSite=Strict");
        return true;
    }

    void logout(Context ctx) {
        String id = ctx.cookie(COOKIE);
        if (id != null) {
            sessions.remove(id);
        }
        ctx.header("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
    }

    private void purgeExpired() {
        Instant now = clock.instant();
        sessions.values().removeIf(expiry -> expiry.isBefore(now));
    }

    /** Compares digests with MessageDigest.isEqual so neither content nor length leaks through timing. */
    private static boolean matches(Optional<byte[]> expected, String given) {
        return expected.isPresent() && MessageDigest.isEqual(expected.get(), sha256(given));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
