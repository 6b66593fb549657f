package org.maildoctor.warmup.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.maildoctor.dns.FakeZone;
import org.maildoctor.warmup.MailboxProvider;
import org.maildoctor.warmup.account.AuthKind;
import org.maildoctor.warmup.account.ConnectionReport;
import org.maildoctor.warmup.account.ConnectionStep;
import org.maildoctor.warmup.account.Endpoint;
import org.maildoctor.warmup.account.Secret;
import org.maildoctor.warmup.account.TlsMode;
import org.maildoctor.warmup.account.WarmupAccount;

/**
 * The connection test against GreenMail (SMTP, IMAP, SMTPS, IMAPS in-process on loopback):
 * each failing step is named — DNS, TCP, TLS, auth — and a good account lists its folders.
 */
class ConnectionTesterIT {
    static GreenMail mail;
    static final FakeZone ZONE = FakeZone.builder().a("mail.warmup.test", "127.0.0.1").build();
    static final ConnectionTester TESTER = new ConnectionTester(ZONE, true, Duration.ofSeconds(5));

    @BeforeAll
    static void start() {
        ServerSetup[] setups = {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort(),
            ServerSetupTest.SMTPS.dynamicPort(), ServerSetupTest.IMAPS.dynamicPort()};
        mail = new GreenMail(setups);
        mail.start();
        mail.setUser("ann@warmup.test", "ann", "s3cret-pass");
    }

    @AfterAll
    static void stop() {
        mail.stop();
    }

    private static WarmupAccount account(String host, int smtpPort, TlsMode smtpTls, int imapPort, TlsMode imapTls) {
        return new WarmupAccount(1, "ann@warmup.test", MailboxProvider.CUSTOM, new Endpoint(host, smtpPort, smtpTls),
                new Endpoint(host, imapPort, imapTls), "ann", AuthKind.PASSWORD, Instant.EPOCH);
    }

    private static WarmupAccount plain(String host) {
        return account(host, mail.getSmtp().getPort(), TlsMode.NONE, mail.getImap().getPort(), TlsMode.NONE);
    }

    @Test
    void goodAccountPassesEveryStepAndListsFolders() {
        ConnectionReport r = TESTER.test(plain("mail.warmup.test"), new Secret("s3cret-pass".toCharArray()));
        assertThat(r.ok()).as(r.toString()).isTrue();
        assertThat(r.smtp().passed()).containsExactly(ConnectionStep.DNS, ConnectionStep.TCP, ConnectionStep.AUTH);
        assertThat(r.imap().passed()).containsExactly(ConnectionStep.DNS, ConnectionStep.TCP, ConnectionStep.AUTH,
                ConnectionStep.FOLDERS);
        assertThat(r.imap().folders()).contains("INBOX");
    }

    @Test
    void wrongPasswordFailsAtAuth() {
        ConnectionReport r = TESTER.test(plain("mail.warmup.test"), new Secret("wrong".toCharArray()));
        assertThat(r.ok()).isFalse();
        assertThat(r.imap().failure().orElseThrow().step()).isEqualTo(ConnectionStep.AUTH);
        assertThat(r.smtp().failure().orElseThrow().step()).isEqualTo(ConnectionStep.AUTH);
        assertThat(r.toString()).doesNotContain("wrong");
    }

    @Test
    void unknownHostFailsAtDns() {
        ConnectionReport r = TESTER.test(plain("nosuch.warmup.test"), new Secret("s3cret-pass".toCharArray()));
        assertThat(r.smtp().failure().orElseThrow().step()).isEqualTo(ConnectionStep.DNS);
        assertThat(r.smtp().failure().orElseThrow().reason()).contains("NXDOMAIN");
        assertThat(r.smtp().passed()).isEmpty();
    }

    @Test
    void closedPortFailsAtTcp() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        ConnectionReport r = TESTER.test(account("127.0.0.1", closed, TlsMode.NONE, closed, TlsMode.NONE),
                new Secret("s3cret-pass".toCharArray()));
        assertThat(r.imap().failure().orElseThrow().step()).isEqualTo(ConnectionStep.TCP);
        assertThat(r.imap().passed()).containsExactly(ConnectionStep.DNS);
    }

    @Test
    void untrustedCertificateFailsAtTls() {
        // GreenMail's SMTPS/IMAPS present a self-signed certificate: a real TLS failure
        ConnectionReport r = TESTER.test(account("mail.warmup.test", mail.getSmtps().getPort(), TlsMode.IMPLICIT,
                mail.getImaps().getPort(), TlsMode.IMPLICIT), new Secret("s3cret-pass".toCharArray()));
        assertThat(r.smtp().failure().orElseThrow().step()).as(r.toString()).isEqualTo(ConnectionStep.TLS);
        assertThat(r.imap().failure().orElseThrow().step()).isEqualTo(ConnectionStep.TLS);
        assertThat(r.imap().passed()).containsExactly(ConnectionStep.DNS, ConnectionStep.TCP);
    }

    @Test
    void loopbackIsRefusedWithoutAllowPrivate() {
        ConnectionTester strict = new ConnectionTester(ZONE, false, Duration.ofSeconds(5));
        ConnectionReport r = strict.test(plain("mail.warmup.test"), new Secret("s3cret-pass".toCharArray()));
        assertThat(r.smtp().failure().orElseThrow().step()).isEqualTo(ConnectionStep.TCP);
        assertThat(r.smtp().failure().orElseThrow().reason()).contains("--allow-private");
    }
}
