package org.maildoctor.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** The annotation processor's output must reach /api/openapi.json with our info and security scheme. */
class OpenApiTest {

    @Test
    void documentListsTheAnnotatedEndpoints() {
        JavalinTest.test(WebServerTest.loopback().app(), (server, client) -> {
            Response r = client.get(WebServer.OPENAPI_PATH);
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.header("Content-Type")).startsWith("application/json");
            JsonNode doc = WebServerTest.json(r);
            assertThat(doc.get("openapi").asText()).startsWith("3.");
            assertThat(doc.at("/info/title").asText()).isEqualTo("maildoctor API");
            assertThat(doc.at("/info/version").asText()).isEqualTo("1.2.3");
            JsonNode version = doc.at("/paths/~1api~1v1~1version/get");
            assertThat(version.get("operationId").asText()).isEqualTo("getVersion");
            assertThat(version.at("/responses/200/content/application~1json/schema/$ref").asText())
                    .isEqualTo("#/components/schemas/VersionInfo");
            assertThat(doc.at("/components/schemas/VersionInfo/properties").has("version")).isTrue();
            assertThat(version.at("/responses/401/content").has(Problem.CONTENT_TYPE)).isTrue();
            assertThat(doc.at("/components/securitySchemes/bearerAuth/scheme").asText()).isEqualTo("bearer");
            assertThat(doc.at("/paths/~1api~1v1~1capabilities/get").isMissingNode()).isFalse();
        });
    }
}
