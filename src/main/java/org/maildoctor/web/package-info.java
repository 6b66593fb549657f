/**
 * The web shell behind {@code maildoctor serve}: Javalin 6 with server-rendered JTE pages, a REST
 * API under {@code /api/v1}, {@code /healthz}, {@code /metrics} and {@code /api/openapi.json}.
 * Only {@code org.maildoctor.cli} (and later the integrator's wiring) may depend on this package;
 * this package depends on no other maildoctor package, so capabilities stay testable on their own.
 *
 * <h2>Adding a capability's page and REST route</h2>
 * <ol>
 *   <li>Write a {@link org.maildoctor.web.WebModule}. In {@code register(Routes r)}:
 *     <ul>
 *       <li>{@code r.nav("/bounces", "Bounces", "one-sentence summary")} adds the nav bar entry and
 *           the home page card;</li>
 *       <li>{@code r.page("/bounces", ctx -> r.render(ctx, "bounces.jte", "Bounces", Map.of(...)))}
 *           serves a page; {@code r.form(path, handler)} takes its POSTs;</li>
 *       <li>{@code r.apiGet("/bounces/{id}", handler)} / {@code r.apiPost(...)} /
 *           {@code r.api(HandlerType, ...)} serve JSON at {@code /api/v1/bounces/{id}}.</li>
 *     </ul></li>
 *   <li>Templates go in {@code src/main/jte/} and are precompiled by the build. A page template
 *       declares {@code @param org.maildoctor.web.PageModel page} plus its own params and wraps its
 *       body in {@code @template.layout(page = page, content = @`...`)} (see {@code placeholder.jte}).
 *       JTE escapes every {@code ${...}} for HTML.</li>
 *   <li>Errors: throw {@link org.maildoctor.web.ProblemException} (e.g. {@code badRequest("...")}) or
 *       use Javalin validators ({@code ctx.queryParamAsClass("n", Integer.class).get()}); API paths
 *       answer RFC 9457 {@code application/problem+json}, pages an HTML error page. Anything else
 *       thrown becomes a 500 whose detail hides the exception (it is logged).</li>
 *   <li>OpenAPI: annotate the handler method with {@code @io.javalin.openapi.OpenApi(path =
 *       "/api/v1/...", methods = HttpMethod.GET, ...)}; the annotation processor adds it to
 *       {@code /api/openapi.json} at compile time (see {@code SystemApi}).</li>
 *   <li>Replace the capability's {@link org.maildoctor.web.PlaceholderModule} in
 *       {@link org.maildoctor.web.WebModules#defaults()} with the new module (the list order is the
 *       navigation order), or pass it to {@code WebServer.builder(config).module(m)}.</li>
 * </ol>
 *
 * <h2>Health</h2>
 * {@code WebServer.builder(config).healthCheck("store", () -> HealthStatus.ok())} adds a named check
 * to {@code /healthz}; any check that is down or throws turns the answer into 503. /healthz is never
 * behind authentication, so details must not contain secrets.
 *
 * <h2>Security</h2>
 * Bound to loopback (127.0.0.0/8, ::1, localhost) nothing is authenticated. Bound anywhere else the
 * server refuses to build ({@link org.maildoctor.web.InsecureBindException}) unless an admin password
 * or API token is configured; then {@code /api/*} and {@code /metrics} need
 * {@code Authorization: Bearer <api token>} (the admin password when no token is set) or a signed-in
 * browser session, and pages need a login form session (cookie HttpOnly, SameSite=Strict, 12 h,
 * in memory). {@code /healthz}, {@code /static/*} and {@code /login} stay open. Secrets are compared
 * in constant time and never logged ({@link org.maildoctor.web.WebConfig#toString()} masks them).
 */
package org.maildoctor.web;
