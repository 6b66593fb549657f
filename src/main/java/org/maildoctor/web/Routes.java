package org.maildoctor.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Map;

/**
 * The registration surface handed to each {@link WebModule}. It hides Javalin's configuration so
 * modules cannot change global behaviour (auth, error format, metrics) by accident: they can only
 * add a nav entry, pages, and handlers under {@value #API_PREFIX}.
 */
public final class Routes {
    public static final String API_PREFIX = "/api/v1";

    private final Javalin app;
    private final List<NavItem> nav;
    private final Pages pages;

    Routes(Javalin app, List<NavItem> nav, Pages pages) {
        this.app = app;
        this.nav = nav;
        this.pages = pages;
    }

    /** Adds a navigation bar entry and a home page card. */
    public Routes nav(String path, String label, String summary) {
        nav.add(new NavItem(path, label, summary));
        return this;
    }

    /** A server-rendered page answering GET on {@code path}; protected by the web login when enabled. */
    public Routes page(String path, Handler handler) {
        if (path.startsWith("/api/")) {
            throw new IllegalArgumentException("pages cannot live under /api/: " + path);
        }
        app.get(path, handler);
        return this;
    }

    /** A form submission target (POST) for a page. */
    public Routes form(String path, Handler handler) {
        if (path.startsWith("/api/")) {
            throw new IllegalArgumentException("forms cannot live under /api/: " + path);
        }
        app.post(path, handler);
        return this;
    }

    /**
     * A REST handler at {@code /api/v1 + subPath}. Errors thrown as {@link ProblemException} (or
     * Javalin validation errors) become problem+json. Annotate the handler with
     * {@code @io.javalin.openapi.OpenApi(path = "/api/v1/...")} to list it in /api/openapi.json.
     */
    public Routes api(HandlerType method, String subPath, Handler handler) {
        if (!subPath.startsWith("/")) {
            throw new IllegalArgumentException("API sub-path must start with '/': " + subPath);
        }
        app.addHttpHandler(method, API_PREFIX + subPath, handler);
        return this;
    }

    public Routes apiGet(String subPath, Handler handler) {
        return api(HandlerType.GET, subPath, handler);
    }

    public Routes apiPost(String subPath, Handler handler) {
        return api(HandlerType.POST, subPath, handler);
    }

    /**
     * Renders a precompiled JTE template from {@code src/main/jte} inside the shared layout. The
     * template receives {@code page} ({@link PageModel}) plus {@code params}.
     */
    public void render(Context ctx, String template, String title, Map<String, Object> params) {
        pages.render(ctx, template, title, params);
    }

    /** The version string shown in the footer and returned by /api/v1/version. */
    public String version() {
        return pages.version();
    }
}
