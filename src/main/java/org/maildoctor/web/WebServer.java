package org.maildoctor.web;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.openapi.BearerAuth;
import io.javalin.openapi.plugin.OpenApiPlugin;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web shell: Javalin with server-rendered pages, REST under /api/v1, /healthz, /metrics and
 * /api/openapi.json. Build one with {@link #builder(WebConfig)}, add {@link WebModule}s and health
 * checks, then {@link #start()}.
 */
public final class WebServer implements AutoCloseable {
    public static final String OPENAPI_PATH = "/api/openapi.json";

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    private final WebConfig config;
    private final Javalin app;
    private final Metrics metrics;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private WebServer(WebConfig config, List<WebModule> modules, Map<String, Supplier<HealthStatus>> checks) {
        config.requireSafeExposure();
        this.config = config;
        this.metrics = new Metrics();
        Auth auth = new Auth(config, Clock.systemUTC());
        List<NavItem> nav = Collections.synchronizedList(new ArrayList<>());
        Pages pages = new Pages(Collections.unmodifiableList(nav), config.version(), auth);
        this.app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.startupWatcherEnabled = false;
            c.jetty.defaultHost = config.bindAddress();
            c.jetty.defaultPort = config.port();
            c.staticFiles.add(s -> {
                s.hostedPath = "/static";
                s.directory = "/static";
                s.location = Location.CLASSPATH;
            });
            c.requestLogger.http((ctx, ms) -> {
                metrics.record(ctx, ms);
                LOG.debug("{} {} -> {} in {} ms", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(ms));
            });
            c.registerPlugin(new OpenApiPlugin(p -> p
                    .withDocumentationPath(OPENAPI_PATH)
                    .withDefinitionConfiguration((name, d) -> d
                            .withInfo(i -> {
                                i.setTitle("maildoctor API");
                                i.setVersion(config.version());
                                i.setDescription("REST API of maildoctor. Errors are RFC 9457 application/problem+json.");
                            })
                            .withSecurity(s -> s.withSecurityScheme("bearerAuth", new BearerAuth())))));
        });
        installSecurityHeaders();
        new AuthRoutes(config, auth, pages).install(app);
        ErrorResponses.install(app, pages);
        installCore(pages, checks);
        Routes routes = new Routes(app, nav, pages);
        new SystemApi(config.version(), Collections.unmodifiableList(nav)).register(routes);
        for (WebModule module : modules) {
            module.register(routes);
        }
    }

    public static Builder builder(WebConfig config) {
        return new Builder(config);
    }

    /** The underlying Javalin app, for in-process tests ({@code JavalinTest.test(server.app(), ...)}). */
    public Javalin app() {
        return app;
    }

    public WebConfig config() {
        return config;
    }

    /**
     * Starts listening on the configured address and port.
     *
     * @throws PortInUseException when the port is taken
     * @throws WebStartException when the address cannot be bound for another reason
     */
    public WebServer start() {
        try {
            probePort();
        } catch (RuntimeException e) {
            stopQuietly();
            throw e;
        }
        try {
            app.start(config.bindAddress(), config.port());
        } catch (JavalinBindException e) {
            stopQuietly();
            BindException bind = findBindException(e);
            String reason = bind == null ? null : bind.getMessage();
            if (reason == null || reason.toLowerCase(Locale.ROOT).contains("in use")) {
                throw new PortInUseException(config.bindAddress(), config.port(), e);
            }
            throw new WebStartException("cannot listen on " + config.bindAddress() + ":" + config.port() + ": " + reason, e);
        } catch (RuntimeException e) {
            stopQuietly();
            throw new WebStartException("cannot start the web server on " + config.bindAddress() + ":" + config.port()
                    + ": " + e.getMessage(), e);
        }
        return this;
    }

    /** The port actually bound (differs from the configured one when that was 0). */
    public int port() {
        return app.port();
    }

    /** The address people should open, e.g. {@code http://127.0.0.1:8025}. */
    public String url() {
        String host = config.bindAddress().contains(":") ? "[" + config.bindAddress() + "]" : config.bindAddress();
        return "http://" + host + ":" + port();
    }

    /** Stops the server; safe to call more than once (shutdown hook and normal exit may both call it). */
    public void stop() {
        if (stopped.compareAndSet(false, true)) {
            app.stop();
            metrics.close();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException ignored) {
            // the original start failure is what the user needs to see
        }
    }

    /**
     * Fails fast on a taken port before Jetty starts, because Javalin logs a scary ERROR line for the
     * same condition; the bind failure in {@link #start()} still covers the race that remains.
     */
    private void probePort() {
        if (config.port() == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true); // as Jetty does, so TIME_WAIT sockets do not count as taken
            probe.bind(new InetSocketAddress(config.bindAddress(), config.port()));
        } catch (BindException e) {
            String reason = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
            if (reason.contains("in use")) {
                throw new PortInUseException(config.bindAddress(), config.port(), e);
            }
            throw new WebStartException("cannot listen on " + config.bindAddress() + ":" + config.port()
                    + ": " + e.getMessage(), e);
        } catch (IOException e) {
            // anything else is left for Jetty to report
        }
    }

    private static BindException findBindException(Throwable t) {
        for (Throwable c = t; c != null && c != c.getCause(); c = c.getCause()) {
            if (c instanceof BindException b) {
                return b;
            }
        }
        return null;
    }

    /** No inline script or style is used, so a strict CSP costs nothing and blunts any injection. */
    private void installSecurityHeaders() {
        app.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("Referrer-Policy", "same-origin");
            ctx.header("Content-Security-Policy",
                    "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
        });
    }

    private void installCore(Pages pages, Map<String, Supplier<HealthStatus>> checks) {
        app.get("/", ctx -> pages.render(ctx, "home.jte", "Home", Map.of()));
        app.get("/healthz", new HealthEndpoint(config.version(), checks));
        app.get("/metrics", ctx -> ctx.contentType(Metrics.CONTENT_TYPE).result(metrics.scrape()));
    }

    /** Collects modules and health checks before the server is created. */
    public static final class Builder {
        private final WebConfig config;
        private final List<WebModule> modules = new ArrayList<>();
        private final Map<String, Supplier<HealthStatus>> checks = new LinkedHashMap<>();

        private Builder(WebConfig config) {
            this.config = config;
        }

        public Builder module(WebModule module) {
            modules.add(module);
            return this;
        }

        public Builder modules(List<? extends WebModule> all) {
            modules.addAll(all);
            return this;
        }

        /** A named check shown under "checks" in /healthz; any check down turns /healthz into 503. */
        public Builder healthCheck(String name, Supplier<HealthStatus> check) {
            if (checks.putIfAbsent(name, check) != null) {
                throw new IllegalArgumentException("duplicate health check: " + name);
            }
            return this;
        }

        /**
         * Creates the server without starting it.
         *
         * @throws InsecureBindException when bound beyond loopback without a password or token
         */
        public WebServer build() {
            return new WebServer(config, List.copyOf(modules), Collections.unmodifiableMap(new LinkedHashMap<>(checks)));
        }
    }
}
