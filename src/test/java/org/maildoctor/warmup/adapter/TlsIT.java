package org.maildoctor.warmup.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maildoctor.dns.FakeZone;
import org.maildoctor.warmup.MailboxProvider;
import org.maildoctor.warmup.account.AuthKind;
import org.maildoctor.warmup.account.Credentials;
import org.maildoctor.warmup.account.Endpoint;
import org.maildoctor.warmup.account.Secret;
import org.maildoctor.warmup.account.TlsMode;
import org.maildoctor.warmup.account.WarmupAccount;
import org.maildoctor.warmup.engine.Engager.EngagementPolicy;
import org.maildoctor.warmup.engine.Engager.EngagementResult;
import org.maildoctor.warmup.engine.Outbox.SendOutcome;
import org.maildoctor.warmup.engine.Outbox.Status;
import org.maildoctor.warmup.network.MessageComposer;
import org.maildoctor.warmup.network.WarmupMessage;

/**
 * Implicit TLS (SMTPS 465-style, IMAPS) with certificate and host name checks on: GreenMail serves a
 * certificate for mail.tls.test made by keytool; the adapters trust it through the injected socket
 * factory, and with the JDK's own trust anchors the same servers are refused as a TLS failure.
 */
class TlsIT {
    static final String HOST = "mail.tls.test";
    static GreenMail mail;
    static SSLContext trusting;
    static final Credentials PASSWORDS = a -> new Secret("tls-pass".toCharArray());

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("tls.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "greenmail", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=" + HOST, "-ext", "SAN=dns:" + HOST, "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        System.setProperty("greenmail.tls.keystore.file", store.toString());
        System.setProperty("greenmail.tls.keystore.password", "changeit");
        try {
            ServerSetup smtps = ServerSetupTest.SMTPS.dynamicPort();
            ServerSetup imaps = ServerSetupTest.IMAPS.dynamicPort();
            smtps.setServerStartupTimeout(15_000);
            imaps.setServerStartupTimeout(15_000);
            mail = new GreenMail(new ServerSetup[] {smtps, imaps});
            mail.start();
        } finally {
            System.clearProperty("greenmail.tls.keystore.file");
            System.clearProperty("greenmail.tls.keystore.password");
        }
        mail.setUser("ann@tls.test", "ann@tls.test", "tls-pass");
        mail.setUser("ben@tls.test", "ben@tls.test", "tls-pass");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        trusting = SSLContext.getInstance("TLS");
        trusting.init(null, tmf.getTrustManagers(), null);
    }

    @AfterAll
    static void stop() {
        if (mail != null) {
            mail.stop();
        }
    }

    static WarmupAccount account(String address) {
        return new WarmupAccount(address.startsWith("ann") ? 1 : 2, address, MailboxProvider.CUSTOM,
                new Endpoint(HOST, mail.getSmtps().getPort(), TlsMode.IMPLICIT),
                new Endpoint(HOST, mail.getImaps().getPort(), TlsMode.IMPLICIT), address, AuthKind.PASSWORD,
                Instant.EPOCH);
    }

    static MailConnector connector(SSLContext tls) {
        FakeZone zone = FakeZone.builder().a(HOST, "127.0.0.1").a("other.tls.test", "127.0.0.1").build();
        return tls == null ? new MailConnector(zone, true, Duration.ofSeconds(5))
                : new MailConnector(zone, true, Duration.ofSeconds(5), tls.getSocketFactory());
    }

    @Test
    void sendAndEngageOverImplicitTls() {
        SmtpOutbox outbox = new SmtpOutbox(connector(trusting), PASSWORDS, Clock.systemUTC());
        WarmupMessage m = MessageComposer.shipped().compose("ann@tls.test", "ben@tls.test", new SplittableRandom(1));
        SendOutcome sent = outbox.send(account("ann@tls.test"), m);
        assertThat(sent.status()).as(sent.detail()).isEqualTo(Status.ACCEPTED);
        ImapEngager engager = new ImapEngager(connector(trusting), PASSWORDS, outbox, MessageComposer.shipped(), 1);
        EngagementResult r = engager.engage(account("ben@tls.test"), new EngagementPolicy(0, 7), Instant.now());
        assertThat(r.failure()).isNull();
        assertThat(r.observations()).singleElement().satisfies(o -> assertThat(o.token()).isEqualTo(m.token()));
    }

    @Test
    void anUntrustedCertificateIsAnAccountFailure() {
        SmtpOutbox outbox = new SmtpOutbox(connector(null), PASSWORDS, Clock.systemUTC());
        SendOutcome sent = outbox.send(account("ann@tls.test"),
                MessageComposer.shipped().compose("ann@tls.test", "ben@tls.test", new SplittableRandom(2)));
        assertThat(sent.status()).isEqualTo(Status.ACCOUNT_FAILED);
        assertThat(sent.detail()).startsWith("TLS failed");
        EngagementResult r = new ImapEngager(connector(null), PASSWORDS, outbox, MessageComposer.shipped(), 1)
                .engage(account("ben@tls.test"), new EngagementPolicy(0, 7), Instant.now());
        assertThat(r.failure()).startsWith("IMAP TLS failed");
        assertThat(r.accountFailed()).isTrue();
    }

    @Test
    void aCertificateForAnotherNameIsAnAccountFailure() {
        // same server and trusted certificate, but reached by a name the certificate does not carry
        WarmupAccount a = account("ann@tls.test");
        WarmupAccount renamed = new WarmupAccount(a.id(), a.address(), a.provider(),
                new Endpoint("other.tls.test", a.smtp().port(), TlsMode.IMPLICIT), a.imap(), a.username(), a.auth(),
                a.createdAt());
        SmtpOutbox outbox = new SmtpOutbox(connector(trusting), PASSWORDS, Clock.systemUTC());
        SendOutcome sent = outbox.send(renamed,
                MessageComposer.shipped().compose("ann@tls.test", "ben@tls.test", new SplittableRandom(3)));
        assertThat(sent.status()).as(sent.detail()).isEqualTo(Status.ACCOUNT_FAILED);
    }
}
