package org.maildoctor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.util.Optional;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** Behaviour when bound beyond loopback: bearer token for API and /metrics, login for pages. */
class AuthTest {
    static final String TOKEN = "tok-0123456789";
    static final String PASSWORD = "correct horse";

    static WebServer exposed(Optional<String> password, Optional<String> token) {
        return WebServer.builder(new WebConfig("0.0.0.0", 0, password, token, "t"))
                .modules(WebModules.defaults()).build();
    }

    static OkHttpClient noRedirects(HttpClient client) {
        return client.getOkHttp().newBuilder().followRedirects(false).build();
    }

    @Test
    void nonLoopbackWithoutSecretsRefusesToBuild() {
        assertThatThrownBy(() -> exposed(Optional.empty(), Optional.empty()))
                .isInstanceOf(InsecureBindException.class)
                .hasMessageContaining("0.0.0.0");
    }

    @Test
    void loopbackNeedsNoCredentials() {
        JavalinTest.test(WebServerTest.loopback().app(), (server, client) -> {
            assertThat(client.get("/api/v1/version").code()).isEqualTo(200);
            assertThat(client.get("/metrics").code()).isEqualTo(200);
            assertThat(client.get("/bounces").code()).isEqualTo(200);
        });
    }

    @Test
    void apiNeedsTheBearerToken() {
        JavalinTest.test(exposed(Optional.empty(), Optional.of(TOKEN)).app(), (server, client) -> {
            Response none = client.get("/api/v1/version");
            WebServerTest.assertProblem(none, 401, "/api/v1/version");
            assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");

            assertThat(client.get("/api/v1/version", b -> b.header("Authorization", "Bearer wrong")).code())
                    .isEqualTo(401);
            assertThat(client.get("/api/v1/version", b -> b.header("Authorization", "Bearer " + TOKEN + "x")).code())
                    .isEqualTo(401);
            assertThat(client.get("/api/v1/version", b -> b.header("Authorization", "Basic " + TOKEN)).code())
                    .isEqualTo(401);
            assertThat(client.get("/api/v1/version", b -> b.header("Authorization", "Bearer " + TOKEN)).code())
                    .isEqualTo(200);
            // unknown API paths do not reveal what exists to unauthenticated callers
            assertThat(client.get("/api/v1/nope").code()).isEqualTo(401);
            assertThat(client.get(WebServer.OPENAPI_PATH).code()).isEqualTo(401);
        });
    }

    @Test
    void metricsNeedTheTokenButHealthzStaysOpen() {
        JavalinTest.test(exposed(Optional.empty(), Optional.of(TOKEN)).app(), (server, client) -> {
            assertThat(client.get("/metrics").code()).isEqualTo(401);
            assertThat(client.get("/metrics", b -> b.header("Authorization", "Bearer " + TOKEN)).code()).isEqualTo(200);
            assertThat(client.get("/healthz").code()).isEqualTo(200);
            assertThat(client.get("/static/maildoctor.css").code()).isEqualTo(200);
        });
    }

    @Test
    void pagesRedirectToLoginAndASessionCookieOpensThem() {
        JavalinTest.test(exposed(Optional.of(PASSWORD), Optional.empty()).app(), (server, client) -> {
            OkHttpClient http = noRedirects(client);
            String origin = client.getOrigin();

            Response page = http.newCall(new Request.Builder().url(origin + "/audit").build()).execute();
            assertThat(page.code()).isEqualTo(302);
            assertThat(page.header("Location")).isEqualTo("/login?next=%2Faudit");

            String loginHtml = http.newCall(new Request.Builder().url(origin + "/login?next=%2Faudit").build())
                    .execute().body().string();
            assertThat(loginHtml).contains("type=\"password\"").contains("value=\"/audit\"")
                    .contains("Admin password").doesNotContain("href=\"/audit\"");

            Response wrong = http.newCall(new Request.Builder().url(origin + "/login")
                    .post(new FormBody.Builder().add("password", "nope").add("next", "/audit").build()).build()).execute();
            assertThat(wrong.code()).isEqualTo(401);
            assertThat(wrong.header("Set-Cookie")).isNull();
            assertThat(wrong.body().string()).contains("Wrong password.");

            Response ok = http.newCall(new Request.Builder().url(origin + "/login")
                    .post(new FormBody.Builder().add("password", PASSWORD).add("next", "/audit").build()).build()).execute();
            assertThat(ok.code()).isEqualTo(302);
            assertThat(ok.header("Location")).isEqualTo("/audit");
            String setCookie = ok.header("Set-Cookie");
            assertThat(setCookie).startsWith(Auth.COOKIE + "=").contains("HttpOnly").contains("SameSite=Strict");
            String cookie = setCookie.substring(0, setCookie.indexOf(';'));

            Response signedIn = http.newCall(new Request.Builder().url(origin + "/audit").header("Cookie", cookie).build()).execute();
            assertThat(signedIn.code()).isEqualTo(200);
            assertThat(signedIn.body().string()).contains("<h1>Domain audit</h1>").contains("Sign out");

            // the browser session also opens the API, so pages can call it
            assertThat(http.newCall(new Request.Builder().url(origin + "/api/v1/version").header("Cookie", cookie).build())
                    .execute().code()).isEqualTo(200);
            // with only a password configured, it is also the bearer secret
            assertThat(client.get("/api/v1/version", b -> b.header("Authorization", "Bearer " + PASSWORD)).code())
                    .isEqualTo(200);

            Response out = http.newCall(new Request.Builder().url(origin + "/logout").header("Cookie", cookie)
                    .post(new FormBody.Builder().build()).build()).execute();
            assertThat(out.code()).isEqualTo(302);
            Response after = http.newCall(new Request.Builder().url(origin + "/audit").header("Cookie", cookie).build()).execute();
            assertThat(after.code()).isEqualTo(302);
        });
    }

    @Test
    void repeatedWrongPasswordsAreThrottledEvenForTheRightOne() {
        JavalinTest.test(exposed(Optional.of(PASSWORD), Optional.empty()).app(), (server, client) -> {
            OkHttpClient http = noRedirects(client);
            for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
                assertThat(login(http, client.getOrigin(), "guess" + i).code()).isEqualTo(401);
            }
            Response blocked = login(http, client.getOrigin(), PASSWORD);
            assertThat(blocked.code()).isEqualTo(429);
            assertThat(blocked.header("Set-Cookie")).isNull();
        });
    }

    static Response login(OkHttpClient http, String origin, String password) throws java.io.IOException {
        return http.newCall(new Request.Builder().url(origin + "/login")
                .post(new FormBody.Builder().add("password", password).build()).build()).execute();
    }

    @Test
    void loginNeverRedirectsOffSite() {
        assertThat(AuthRoutes.safeNext("//evil.example/")).isEqualTo("/");
        assertThat(AuthRoutes.safeNext("https://evil.example/")).isEqualTo("/");
        assertThat(AuthRoutes.safeNext("/\\evil.example")).isEqualTo("/");
        assertThat(AuthRoutes.safeNext(null)).isEqualTo("/");
        assertThat(AuthRoutes.safeNext("/verify?x=1")).isEqualTo("/verify?x=1");
    }
}
