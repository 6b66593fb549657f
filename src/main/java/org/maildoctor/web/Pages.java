package org.maildoctor.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Renders precompiled JTE templates with the per-request {@link PageModel}. */
final class Pages {
    /** Precompiled at build time by jte-maven-plugin, so the runnable jar needs no Java compiler. */
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
    private final List<NavItem> nav;
    private final String version;
    private final Auth auth;

    Pages(List<NavItem> nav, String version, Auth auth) {
        this.nav = nav;
        this.version = version;
        this.auth = auth;
    }

    void render(Context ctx, String template, String title, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("page", model(ctx, title));
        StringOutput out = new StringOutput();
        engine.render(template, all, out);
        ctx.html(out.toString());
    }

    PageModel model(Context ctx, String title) {
        boolean signedIn = auth.enabled() && auth.hasSession(ctx);
        // signed-out visitors of an exposed server see no map of the application
        List<NavItem> visible = auth.enabled() && !signedIn ? List.of() : nav;
        return new PageModel(title, visible, ctx.path(), version, signedIn);
    }

    String version() {
        return version;
    }
}
