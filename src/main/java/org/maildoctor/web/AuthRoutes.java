package org.maildoctor.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The authentication filter in front of every route, and the login and logout pages. */
final class AuthRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(AuthRoutes.class);

    private final WebConfig config;
    private final Auth auth;
    private final Pages pages;
    private final LoginThrottle throttle = new LoginThrottle(Clock.systemUTC());

    AuthRoutes(WebConfig config, Auth auth, Pages pages) {
        this.config = config;
        this.auth = auth;
        this.pages = pages;
    }

    /** Reachable without credentials even on an exposed server. */
    static boolean isOpen(String path) {
        return path.equals("/healthz") || path.startsWith("/static/") || path.equals("/login")
                || path.equals("/favicon.ico");
    }

    void install(Javalin app) {
        if (!auth.enabled()) {
            return;
        }
        app.before(ctx -> {
            String path = ctx.path();
            if (isOpen(path)) {
                return;
            }
            if (ErrorResponses.isApi(path)) {
                if (!auth.apiAllowed(ctx)) {
                    ctx.header("WWW-Authenticate", "Bearer realm=\"maildoctor\"");
                    throw new ProblemException(401, "send the API token as 'Authorization: Bearer <token>'");
                }
                return;
            }
            if (!auth.hasSession(ctx)) {
                if ("GET".equals(ctx.method().name())) {
                    String next = ctx.queryString() == null ? path : path + "?" + ctx.queryString();
                    ctx.redirect("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
                    ctx.skipRemainingHandlers();
                } else {
                    throw new ProblemException(401, "sign in first");
                }
            }
        });
        app.get("/login", ctx -> renderLogin(ctx, null));
        app.post("/login", ctx -> {
            String client = ctx.ip();
            if (!throttle.allowed(client)) {
                LOG.warn("web login from {} refused: too many failures", client);
                ctx.status(429);
                renderLogin(ctx, "Too many failed attempts. Wait a few minutes and try again.");
            } else if (auth.login(ctx, ctx.formParam("password"))) {
                throttle.succeeded(client);
                ctx.redirect(safeNext(ctx.formParam("next")));
            } else {
                throttle.failed(client);
                LOG.info("failed web login from {}", client);
                ctx.status(401);
                renderLogin(ctx, "Wrong password.");
            }
        });
        app.post("/logout", ctx -> {
            auth.logout(ctx);
            ctx.redirect("/login");
        });
    }

    private void renderLogin(Context ctx, String error) {
        Map<String, Object> params = new HashMap<>();
        params.put("secretLabel", config.adminPassword().isPresent() ? "Admin password" : "API token");
        params.put("error", error);
        params.put("next", safeNext(ctx.formParamMap().containsKey("next") ? ctx.formParam("next") : ctx.queryParam("next")));
        pages.render(ctx, "login.jte", "Sign in", params);
    }

    /** Only same-site absolute paths: an attacker-chosen "next" must not redirect off-site. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) {
            return "/";
        }
        return next;
    }

}
