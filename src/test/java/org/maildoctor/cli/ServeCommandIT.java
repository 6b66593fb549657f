package org.maildoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real {@code serve} command in-process and talks to it over HTTP. */
class ServeCommandIT {

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @TempDir
    Path dataDir;

    @Test
    void serveAnswersHealthzAndStopsWhenInterrupted() throws Exception {
        int port = freePort();
        StringWriter err = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread serve = new Thread(() -> exit.set(Main.run(new String[] {"serve", "--port", Integer.toString(port), "--smtp-port", "0", "--data-dir", dataDir.toString()},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))), "serve-it");
        serve.start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                    .timeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> response = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (response == null && System.nanoTime() < deadline && serve.isAlive()) {
                try {
                    response = http.send(health, HttpResponse.BodyHandlers.ofString());
                } catch (java.io.IOException notYet) {
                    Thread.sleep(100);
                }
            }
            assertThat(response).as("serve never answered; stderr: %s", err).isNotNull();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"status\":\"ok\"").contains("\"store\"").contains("embedded H2");
            // the banner follows the start, so it may land just after the first answer
            String banner = "maildoctor serving on http://127.0.0.1:" + port;
            while (!err.toString().contains(banner) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(err.toString()).contains(banner);
        } finally {
            serve.interrupt();
            serve.join(Duration.ofSeconds(15));
        }
        assertThat(serve.isAlive()).isFalse();
        assertThat(exit.get()).isEqualTo(ExitCode.OK);
        // the port is free again once serve returns
        try (ServerSocket again = new ServerSocket(port)) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }
}
