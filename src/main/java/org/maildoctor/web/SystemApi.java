package org.maildoctor.web;

import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import java.util.List;

/**
 * Built-in REST endpoints about the server itself. The {@link OpenApi} annotations are read at
 * compile time by the javalin-openapi processor into the document served at /api/openapi.json.
 */
final class SystemApi {
    private final String version;
    private final List<NavItem> nav;

    SystemApi(String version, List<NavItem> nav) {
        this.version = version;
        this.nav = nav;
    }

    void register(Routes r) {
        r.apiGet("/version", this::version);
        r.apiGet("/capabilities", this::capabilities);
    }

    @OpenApi(
            path = "/api/v1/version",
            methods = HttpMethod.GET,
            operationId = "getVersion",
            summary = "Version of the running maildoctor",
            tags = {"system"},
            security = {@OpenApiSecurity(name = "bearerAuth")},
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = VersionInfo.class)),
                @OpenApiResponse(status = "401", description = "Missing or wrong bearer token",
                        content = @OpenApiContent(from = Problem.class, mimeType = Problem.CONTENT_TYPE))
            })
    void version(Context ctx) {
        ctx.json(new VersionInfo("maildoctor", version, Runtime.version().toString()));
    }

    @OpenApi(
            path = "/api/v1/capabilities",
            methods = HttpMethod.GET,
            operationId = "listCapabilities",
            summary = "Capabilities with a page in the web interface, in navigation order",
            tags = {"system"},
            security = {@OpenApiSecurity(name = "bearerAuth")},
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = CapabilityInfo[].class)),
                @OpenApiResponse(status = "401", description = "Missing or wrong bearer token",
                        content = @OpenApiContent(from = Problem.class, mimeType = Problem.CONTENT_TYPE))
            })
    void capabilities(Context ctx) {
        ctx.json(nav.stream().map(n -> new CapabilityInfo(n.path(), n.label(), n.summary())).toList());
    }
}
