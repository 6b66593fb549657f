package org.maildoctor.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/bounces/parse} and the upload form against the real web server on loopback. */
class BounceParseApiIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static WebServer server;
    static HttpClient http;

    @BeforeAll
    static void start() {
        server = WebServer.builder(WebConfig.loopback(0, "test")).modules(WebModules.defaults()).build().start();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static Path corpus(String rel) throws Exception {
        return Path.of(BounceParseApiIT.class.getResource("/corpora/bounces/" + rel).toURI());
    }

    static HttpResponse<String> post(String path, String type, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static byte[] multipart(String boundary, String field, String filename, byte[] content) {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"") + "\r\nContent-Type: message/rfc822\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] t = tail.getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(h, h.length + content.length + t.length);
        System.arraycopy(content, 0, out, h.length, content.length);
        System.arraycopy(t, 0, out, h.length + content.length, t.length);
        return out;
    }

    @Test
    void aRawEmlGivesItsRecipientsAndASummary() throws Exception {
        HttpResponse<String> r = post("/api/v1/bounces/parse?sent=100", "message/rfc822",
                Files.readAllBytes(corpus("lhost/postfix/lhost-postfix-01.eml")));
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        JsonNode first = body.get("results").get(0);
        for (String f : new String[] {"file", "recipient", "status", "replyCode", "reason", "hard", "action", "diagnostic",
                "reportingMta", "dialect"}) {
            assertThat(first.has(f)).as(f).isTrue();
        }
        assertThat(first.get("file").asText()).isEqualTo("body");
        assertThat(first.get("recipient").asText()).contains("@");
        assertThat(body.get("summary").get("bounceRate").get("sent").asInt()).isEqualTo(100);
        assertThat(body.get("summary").get("messages").asInt()).isEqualTo(1);
    }

    @Test
    void aMultipartMboxUploadGivesEveryMessage() throws Exception {
        byte[] mbox = Files.readAllBytes(corpus("mbox/mbox-0"));
        HttpResponse<String> r = post("/api/v1/bounces/parse", "multipart/form-data; boundary=XyZ",
                multipart("XyZ", "file", "bounces.mbox", mbox));
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("summary").get("messages").asInt()).isEqualTo(37);
        assertThat(body.get("results").size()).isGreaterThanOrEqualTo(37);
        assertThat(body.get("results").get(0).get("file").asText()).isEqualTo("bounces.mbox");
    }

    @Test
    void anOversizedUploadIs413ProblemJson() throws Exception {
        byte[] big = new byte[(int) BounceParseRoutes.MAX_UPLOAD + 1];
        Arrays.fill(big, (byte) 'x');
        HttpResponse<String> r = post("/api/v1/bounces/parse", "application/mbox", big);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode p = JSON.readTree(r.body());
        assertThat(p.get("status").asInt()).isEqualTo(413);
        assertThat(p.get("detail").asText()).contains("larger than 25 MB");
    }

    @Test
    void emptyUnreadableAndBadParametersAreProblems() throws Exception {
        HttpResponse<String> empty = post("/api/v1/bounces/parse", "message/rfc822", new byte[0]);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(empty.body()).get("detail").asText()).contains("empty body");
        HttpResponse<String> binary = post("/api/v1/bounces/parse", "application/octet-stream", new byte[] {0, 1, 2, (byte) 0xff});
        assertThat(binary.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(binary.body()).get("detail").asText()).contains("undecodable");
        HttpResponse<String> sent = post("/api/v1/bounces/parse?sent=lots", "message/rfc822", "x".getBytes(StandardCharsets.UTF_8));
        assertThat(sent.statusCode()).isEqualTo(400);
    }

    @Test
    void theFormShowsTheTableAndTheExplanation() throws Exception {
        HttpResponse<String> r = post("/bounces/parse", "multipart/form-data; boundary=B0",
                multipart("B0", "file", "one.eml", Files.readAllBytes(corpus("lhost/postfix/lhost-postfix-01.eml"))));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("id=\"recipients\"", "Likely causes", "What to do (sender)");
        HttpResponse<String> big = post("/bounces/parse", "application/octet-stream", new byte[(int) BounceParseRoutes.MAX_UPLOAD + 10]);
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(big.body()).contains("larger than 25 MB");
    }

    @Test
    void theEndpointIsInTheOpenApiDocument() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/openapi.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode op = JSON.readTree(r.body()).get("paths").get("/api/v1/bounces/parse").get("post");
        assertThat(op.get("operationId").asText()).isEqualTo("parseBounces");
        assertThat(op.get("responses").has("413")).isTrue();
    }
}
