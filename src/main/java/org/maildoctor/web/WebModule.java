package org.maildoctor.web;

/**
 * How a capability plugs into the web shell. A module adds its navigation entry, its pages and its
 * {@code /api/v1/...} handlers in {@link #register(Routes)}; {@link WebServer} calls it once at
 * start-up, in the order the modules were given (which is the order of the navigation bar).
 *
 * <pre>{@code
 * final class BouncesModule implements WebModule {
 *     public void register(Routes r) {
 *         r.nav("/bounces", "Bounces", "Parse any bounce and explain its SMTP codes.");
 *         r.page("/bounces", ctx -> r.render(ctx, "bounces.jte", "Bounces", Map.of("recent", store.recent())));
 *         r.apiPost("/bounces/parse", ctx -> ctx.json(parser.parse(ctx.body())));
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface WebModule {
    void register(Routes routes);
}
