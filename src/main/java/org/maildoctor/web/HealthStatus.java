package org.maildoctor.web;

/**
 * Result of one health check shown under {@code checks} in {@code /healthz}. Any check that is not
 * {@link #up()} turns the whole response into 503.
 *
 * @param up whether the checked component works
 * @param detail short human-readable explanation, never a secret (the endpoint is unauthenticated)
 */
public record HealthStatus(boolean up, String detail) {

    public static HealthStatus ok() {
        return new HealthStatus(true, "ok");
    }

    public static HealthStatus ok(String detail) {
        return new HealthStatus(true, detail);
    }

    public static HealthStatus down(String detail) {
        return new HealthStatus(false, detail);
    }
}
