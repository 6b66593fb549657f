package org.maildoctor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.maildoctor.web.WebServerTest.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maildoctor.placement.FilingGreenMail;
import org.maildoctor.placement.SeedRepository;
import org.maildoctor.placement.adapter.PlacementTests;
import org.maildoctor.placement.adapter.SmtpSubmission;
import org.maildoctor.placement.jdbc.JdbcSeedRepository;
import org.maildoctor.store.Store;
import org.maildoctor.store.StoreConfig;
import org.maildoctor.warmup.MailboxProvider;
import org.maildoctor.warmup.account.CredentialCipher;
import org.maildoctor.warmup.account.Endpoint;
import org.maildoctor.warmup.account.Secret;
import org.maildoctor.warmup.account.TlsMode;

/** The Inbox placement page and REST resources over an embedded store and GreenMail seeds. */
class PlacementModuleIT {
    private static final String PASSWORD = "web-seed-password";

    @TempDir
    Path dir;

    @Test
    void startsARunThatSendsAndReportsPerSeedWithoutEverShowingSecrets() throws Exception {
        try (Store store = Store.open(StoreConfig.embedded(dir)); FilingGreenMail mail = new FilingGreenMail()) {
            mail.user("a@gmail.test", PASSWORD);
            mail.user("b@yahoo.test", PASSWORD);
            mail.fileInto("b@yahoo.test", "Bulk Mail");
            SecureRandom random = new SecureRandom();
            byte[] key = new byte[CredentialCipher.KEY_BYTES];
            random.nextBytes(key);
            CredentialCipher cipher = new CredentialCipher(key, random);
            SeedRepository seeds = new JdbcSeedRepository(store.dataSource(), store.clock());
            for (String a : new String[] {"a@gmail.test", "b@yahoo.test"}) {
                seeds.add(new SeedRepository.NewSeed(a, a.endsWith("gmail.test") ? MailboxProvider.GMAIL
                        : MailboxProvider.YAHOO, new Endpoint("127.0.0.1", mail.imapPort(), TlsMode.NONE), a),
                        cipher.seal(new Secret(PASSWORD.toCharArray()), a));
            }
            PlacementTests tests = new PlacementTests(seeds, cipher, new org.maildoctor.dns.dnsjava.DnsjavaResolver(
                    new java.net.InetSocketAddress("127.0.0.1", org.maildoctor.testing.Harness.dnsPort()), Duration.ofSeconds(2), 1), true, Duration.ofSeconds(3),
                    Clock.systemUTC());
            SmtpSubmission.Settings via = new SmtpSubmission.Settings(new Endpoint("127.0.0.1", mail.smtpPort(),
                    TlsMode.NONE), Optional.empty(), Optional.empty(), Optional.of("sender@sender.test"));
            WebServer server = WebServer.builder(WebConfig.loopback(0, "test")).modules(WebModules.with(Map.of(
                    Capability.PLACEMENT, new PlacementModule(tests, Optional.of(via))))).build();
            JavalinTest.test(server.app(), (s, client) -> {
                JsonNode listed = json(client.get("/api/v1/placement/seeds"));
                assertThat(listed.get("seeds")).hasSize(2);
                assertThat(listed.toString()).doesNotContain(PASSWORD).doesNotContain("v1:");
                assertThat(client.get("/placement").body().string()).contains("a@gmail.test").contains("id=\"start-run\"");

                String msg = "From: s@sender.test\r\nSubject: hello\r\n\r\nhello\r\n";
                var started = client.request("/api/v1/placement/runs?deadline=20s", b -> b.post(RequestBody.create(
                        msg.getBytes(StandardCharsets.US_ASCII), MediaType.get("message/rfc822"))));
                assertThat(started.code()).isEqualTo(202);
                String token = json(started).get("token").asText();
                JsonNode report = null;
                for (int i = 0; i < 100; i++) {
                    report = json(client.get("/api/v1/placement/runs/" + token));
                    if (report.get("status").asText().equals("finished")) {
                        break;
                    }
                    Thread.sleep(200);
                }
                assertThat(report.get("status").asText()).as(report.toString()).isEqualTo("finished");
                assertThat(report.at("/seeds/0/placement").asText()).isEqualTo("inbox");
                assertThat(report.at("/seeds/1/placement").asText()).isEqualTo("spam");
                assertThat(report.at("/seeds/1/folder").asText()).endsWith("Bulk Mail");
                assertThat(report.at("/total/inboxRate").asDouble()).isEqualTo(0.5);

                String page = client.get("/placement/" + token).body().string();
                assertThat(page).contains("placement-spam").contains("Bulk Mail").contains("Yahoo Mail");
                assertThat(client.get("/api/v1/placement/runs/mdp-nosuchrun234").code()).isEqualTo(404);
                assertThat(client.request("/api/v1/placement/runs?deadline=2h", b -> b.post(RequestBody.create(
                        new byte[0]))).code()).isEqualTo(400);
            });
        }
    }
}
