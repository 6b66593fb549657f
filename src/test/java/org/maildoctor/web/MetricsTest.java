package org.maildoctor.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void prometheusTextWithJvmAndPerRouteRequestMetrics() {
        JavalinTest.test(WebServerTest.loopback().app(), (server, client) -> {
            assertThat(client.get("/healthz").code()).isEqualTo(200);
            assertThat(client.get("/api/v1/probe/square?n=3").code()).isEqualTo(200);
            assertThat(client.get("/api/v1/probe/square?n=4").code()).isEqualTo(200);
            assertThat(client.get("/api/v1/nope").code()).isEqualTo(404);
            Response r = client.get("/metrics");
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.header("Content-Type")).startsWith("text/plain");
            String text = r.body().string();
            assertThat(text).contains("# TYPE jvm_memory_used_bytes gauge")
                    .contains("process_uptime_seconds")
                    .contains("# TYPE http_server_requests_seconds summary")
                    .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/healthz\",status=\"200\"} 1")
                    // the route template, not the raw path with its query, labels the series
                    .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/probe/square\",status=\"200\"} 2")
                    .contains("route=\"NOT_FOUND\",status=\"404\"");
            assertThat(text).doesNotContain("/api/v1/nope");
        });
    }
}
