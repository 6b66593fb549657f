package org.maildoctor.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.javalin.testtools.JavalinTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The accounts REST API against GreenMail (SMTP + IMAP in-process on loopback): a wrong password is
 * reported as the auth step and stores nothing; the right one is tested and stored. The password
 * appears in no response, in no log line (every logger at DEBUG, captured) and in no database cell.
 */
class WarmupAccountsApiIT {
    static final String PASSWORD = "Tr0ub4dor-and-3-horses";

    @TempDir
    Path dir;

    @Test
    void passwordIsAbsentFromResponsesLogsAndTheDatabase() throws Exception {
        GreenMail mail = new GreenMail(new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(),
            ServerSetupTest.IMAP.dynamicPort()});
        mail.start();
        LoggerContext logs = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = logs.getLogger(Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(logs);
        captured.start();
        root.addAppender(captured);
        root.setLevel(Level.DEBUG);
        List<String> responses = new ArrayList<>();
        try (WarmupFixture f = new WarmupFixture(dir)) {
            mail.setUser("dora@warmup.test", "dora@warmup.test", PASSWORD);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("address", "dora@warmup.test");
            body.put("smtp", "127.0.0.1:" + mail.getSmtp().getPort());
            body.put("smtpTls", "none");
            body.put("imap", "127.0.0.1:" + mail.getImap().getPort());
            body.put("imapTls", "none");
            body.put("password", "wrong-" + PASSWORD);
            JavalinTest.test(f.server().app(), (s, client) -> {
                Response wrong = client.post("/api/v1/warmup/accounts", body);
                String wrongBody = wrong.body().string();
                responses.add(wrongBody);
                assertThat(wrong.code()).as(wrongBody).isEqualTo(422);
                JsonNode report = WebServerTest.JSON.readTree(wrongBody);
                assertThat(report.get("account").isNull()).isTrue();
                assertThat(report.at("/connection/smtp/failedStep").asText()).isEqualTo("auth");
                assertThat(f.accounts.list()).isEmpty();

                body.put("password", PASSWORD);
                Response ok = client.post("/api/v1/warmup/accounts", body);
                String okBody = ok.body().string();
                responses.add(okBody);
                assertThat(ok.code()).as(okBody).isEqualTo(201);
                JsonNode added = WebServerTest.JSON.readTree(okBody);
                assertThat(added.at("/connection/ok").asBoolean()).isTrue();
                assertThat(added.at("/connection/imap/folders").toString()).contains("INBOX");

                Response test = client.post("/api/v1/warmup/accounts/dora@warmup.test/test");
                String testBody = test.body().string();
                responses.add(testBody);
                assertThat(WebServerTest.JSON.readTree(testBody).get("ok").asBoolean()).as(testBody).isTrue();
                for (String path : List.of("/api/v1/warmup/accounts", "/api/v1/warmup/accounts/dora@warmup.test/stats",
                        "/api/v1/warmup/accounts/dora@warmup.test/health", "/warmup/accounts",
                        "/warmup/accounts/dora@warmup.test")) {
                    Response r = client.get(path);
                    assertThat(r.code()).as(path).isEqualTo(200);
                    responses.add(r.body().string());
                }
                // the connection test opens the stored secret: it still works after a server-side change
                mail.setUser("dora@warmup.test", "dora@warmup.test", "changed-elsewhere");
                Response stale = client.post("/api/v1/warmup/accounts/dora@warmup.test/test");
                String staleBody = stale.body().string();
                responses.add(staleBody);
                assertThat(WebServerTest.JSON.readTree(staleBody).at("/imap/failedStep").asText()).isEqualTo("auth");
            });

            List<String> cells = new ArrayList<>();
            try (Connection c = f.store.dataSource().getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT * FROM warmup_account")) {
                while (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        cells.add(String.valueOf(rs.getObject(i)));
                    }
                }
            }
            assertThat(cells).isNotEmpty().noneMatch(WarmupAccountsApiIT::revealsPassword);
        } finally {
            root.detachAppender(captured);
            root.setLevel(before);
            mail.stop();
        }
        assertThat(responses).hasSize(9).noneMatch(WarmupAccountsApiIT::revealsPassword);
        // GreenMail stands in for the provider: its wire log is the remote server's and shows the AUTH
        // exchange in Base64 (this check caught it), so only this process's own loggers are held to the rule
        List<ILoggingEvent> ours = captured.list.stream()
                .filter(e -> !e.getLoggerName().startsWith("com.icegreen.")).toList();
        assertThat(ours).as("the request log at DEBUG").anyMatch(e -> e.getFormattedMessage().contains("/api/v1/warmup"));
        for (ILoggingEvent e : ours) {
            String line = e.getFormattedMessage() + (e.getThrowableProxy() == null ? ""
                    : ThrowableProxyUtil.asString(e.getThrowableProxy()));
            assertThat(revealsPassword(line)).as(e.getLoggerName() + ": " + line).isFalse();
        }
    }

    /** The password, its Base64 or hex encoding, or a long enough piece of it. */
    static boolean revealsPassword(String text) {
        byte[] raw = PASSWORD.getBytes(StandardCharsets.UTF_8);
        return text.contains(PASSWORD.substring(0, 10)) || text.contains(Base64.getEncoder().encodeToString(raw))
                || text.toLowerCase().contains(HexFormat.of().formatHex(raw));
    }
}
