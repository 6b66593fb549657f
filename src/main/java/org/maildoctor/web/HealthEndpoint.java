package org.maildoctor.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /healthz}: 200 when every registered check is up, 503 otherwise. Never authenticated. */
final class HealthEndpoint implements Handler {
    private static final Logger LOG = LoggerFactory.getLogger(HealthEndpoint.class);

    private final String version;
    private final Map<String, Supplier<HealthStatus>> checks;

    HealthEndpoint(String version, Map<String, Supplier<HealthStatus>> checks) {
        this.version = version;
        this.checks = checks;
    }

    @Override
    public void handle(Context ctx) {
        Map<String, Object> results = new LinkedHashMap<>();
        boolean allUp = true;
        for (Map.Entry<String, Supplier<HealthStatus>> check : checks.entrySet()) {
            HealthStatus status;
            try {
                status = check.getValue().get();
                if (status == null) {
                    status = HealthStatus.down("check returned no status");
                }
            } catch (RuntimeException e) {
                // the class name only: exception messages may carry connection strings
                status = HealthStatus.down("check failed: " + e.getClass().getSimpleName());
                LOG.warn("health check '{}' failed", check.getKey(), e);
            }
            allUp &= status.up();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("status", status.up() ? "ok" : "down");
            entry.put("detail", status.detail());
            results.put(check.getKey(), entry);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", allUp ? "ok" : "down");
        body.put("version", version);
        body.put("checks", results);
        ctx.status(allUp ? 200 : 503).json(body);
    }

}
