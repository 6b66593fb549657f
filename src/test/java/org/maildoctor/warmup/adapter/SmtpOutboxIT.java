package org.maildoctor.warmup.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.maildoctor.dns.FakeZone;
import org.maildoctor.warmup.MailboxProvider;
import org.maildoctor.warmup.account.AuthKind;
import org.maildoctor.warmup.account.CredentialException;
import org.maildoctor.warmup.account.Credentials;
import org.maildoctor.warmup.account.Endpoint;
import org.maildoctor.warmup.account.Secret;
import org.maildoctor.warmup.account.TlsMode;
import org.maildoctor.warmup.account.WarmupAccount;
import org.maildoctor.warmup.engine.Outbox.SendOutcome;
import org.maildoctor.warmup.engine.Outbox.Status;
import org.maildoctor.warmup.network.MessageComposer;
import org.maildoctor.warmup.network.WarmupMessage;
import org.maildoctor.warmup.testing.GreenMailPool;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.SessionHandler;

/**
 * The SMTP outbox against GreenMail (accepting mail, password and XOAUTH2 logins) and against
 * SubEthaSMTP servers scripted to answer as providers do when they refuse: 421 at the greeting,
 * 4xx and 5xx to RCPT, a full mailbox, a daily sending limit, a sender the account may not use.
 * Each ends as a {@link SendOutcome}, never as an exception.
 */
class SmtpOutboxIT {
    static final Instant NOW = Instant.parse("2026-11-20T08:15:00Z");
    static GreenMailPool pool;
    static final MessageComposer COMPOSER = MessageComposer.shipped();
    final SplittableRandom random = new SplittableRandom(3);

    @BeforeAll
    static void start() {
        pool = GreenMailPool.start(10);
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    private static SmtpOutbox outbox(Credentials credentials) {
        return new SmtpOutbox(pool.connector(), credentials, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private WarmupMessage message(WarmupAccount from, String to) {
        return COMPOSER.compose(from.address(), to, random);
    }

    @Test
    void sendsWithTokenHeaderMessageIdThreadHeadersAndTheClocksDate() throws Exception {
        WarmupAccount ann = pool.accounts().get(0);
        WarmupAccount ben = pool.accounts().get(1);
        WarmupMessage first = message(ann, ben.address());
        assertThat(outbox(pool.credentials()).send(ann, first).status()).isEqualTo(Status.ACCEPTED);
        WarmupMessage reply = COMPOSER.reply(new MessageComposer.Parent(ann.address(), first.subject(),
                first.messageId(), List.of("<root@x.test>"), first.textBody(), null), ben.address(), random);
        SendOutcome out = outbox(pool.credentials()).send(ben, reply);
        assertThat(out.status()).as(out.detail()).isEqualTo(Status.ACCEPTED);

        MimeMessage got = pool.folder(ben.address(), "INBOX").getMessages().getLast().getMimeMessage();
        assertThat(got.getMessageID()).isEqualTo(first.messageId());
        assertThat(got.getHeader(WarmupMessage.TOKEN_HEADER, null)).isEqualTo(first.token());
        assertThat(got.getSentDate().toInstant()).isEqualTo(NOW);
        assertThat(got.getSubject()).isEqualTo(first.subject());
        assertThat(((String) got.getContent()).replace("\r\n", "\n").strip()).isEqualTo(first.textBody().strip());
        MimeMessage r = pool.folder(ann.address(), "INBOX").getMessages().getLast().getMimeMessage();
        assertThat(r.getHeader("In-Reply-To", null)).isEqualTo(first.messageId());
        assertThat(ImapEngager.ids(r.getHeader("References", null))).containsExactly("<root@x.test>", first.messageId());
    }

    @Test
    void wrongPasswordIsAnAccountFailureThatNeverShowsTheSecret() {
        WarmupAccount ann = pool.accounts().get(0);
        SendOutcome out = outbox(a -> new Secret("hunter2-wrong".toCharArray())).send(ann, message(ann, "x@bravo.test"));
        assertThat(out.status()).isEqualTo(Status.ACCOUNT_FAILED);
        assertThat(out.detail()).contains("login refused").doesNotContain("hunter2");
    }

    @Test
    void unreadableCredentialIsAnAccountFailure() {
        WarmupAccount ann = pool.accounts().get(0);
        SendOutcome out = outbox(a -> {
            throw new CredentialException("cannot decrypt the stored credential of " + a.address());
        }).send(ann, message(ann, "x@bravo.test"));
        assertThat(out.status()).isEqualTo(Status.ACCOUNT_FAILED);
        assertThat(out.detail()).contains("cannot decrypt");
    }

    @Test
    void xoauth2TokenLogsIn() throws Exception {
        // GreenMail checks the SASL XOAUTH2 initial response (user=…^Aauth=Bearer TOKEN^A^A) against the user's password
        WarmupAccount ann = pool.accounts().get(0);
        WarmupAccount oauth = new WarmupAccount(ann.id(), ann.address(), MailboxProvider.GMAIL, ann.smtp(), ann.imap(),
                ann.username(), AuthKind.XOAUTH2, ann.createdAt());
        WarmupMessage m = message(oauth, pool.accounts().get(2).address());
        SendOutcome ok = outbox(pool.credentials()).send(oauth, m);
        assertThat(ok.status()).as(ok.detail()).isEqualTo(Status.ACCEPTED);
        SendOutcome bad = outbox(a -> new Secret("ya29.expired".toCharArray())).send(oauth, m);
        assertThat(bad.status()).isEqualTo(Status.ACCOUNT_FAILED);
        assertThat(bad.detail()).doesNotContain("ya29");
        assertThat(new MailConnector(FakeZone.builder().build(), true, Duration.ofSeconds(1))
                .properties(MailConnector.Protocol.SMTP, oauth.smtp(), InetAddress.getLoopbackAddress(), AuthKind.XOAUTH2))
                .containsEntry("mail.smtp.auth.mechanisms", "XOAUTH2");
    }

    @Test
    void closedPortIsDeferred() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        WarmupAccount a = account(closed);
        SendOutcome out = outbox(pool.credentials()).send(a, message(a, "x@bravo.test"));
        assertThat(out.status()).isEqualTo(Status.DEFERRED);
    }

    @Test
    void unknownHostAndPrivateAddressAreAccountFailures() {
        WarmupAccount ann = pool.accounts().get(0);
        WarmupAccount nowhere = new WarmupAccount(1, ann.address(), MailboxProvider.CUSTOM,
                new Endpoint("nosuch.pool.test", 25, TlsMode.NONE), ann.imap(), ann.username(), AuthKind.PASSWORD,
                Instant.EPOCH);
        assertThat(outbox(pool.credentials()).send(nowhere, message(ann, "x@bravo.test")).status())
                .isEqualTo(Status.ACCOUNT_FAILED);
        SmtpOutbox strict = new SmtpOutbox(new MailConnector(FakeZone.builder().a(GreenMailPool.HOST, "127.0.0.1")
                .build(), false, Duration.ofSeconds(2)), pool.credentials(), Clock.systemUTC());
        SendOutcome out = strict.send(ann, message(ann, "x@bravo.test"));
        assertThat(out.status()).isEqualTo(Status.ACCOUNT_FAILED);
        assertThat(out.detail()).contains("--allow-private");
    }

    // --- scripted refusals -------------------------------------------------------------------

    record Script(RejectException greeting, Function<String, RejectException> from,
                  Function<String, RejectException> rcpt, RejectException data) {
    }

    private SendOutcome against(Script script) {
        SMTPServer server = new SMTPServer.Builder()
                .bindAddress(InetAddress.getLoopbackAddress())
                .port(0)
                .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory((u, p, ctx) -> { }))
                .sessionHandler(new SessionHandler() {
                    @Override
                    public SessionAcceptance accept(org.subethamail.smtp.server.Session session) {
                        return script.greeting() == null ? SessionAcceptance.success()
                                : SessionAcceptance.failure(script.greeting().getCode(),
                                script.greeting().getMessage());
                    }

                    @Override
                    public void onSessionEnd(org.subethamail.smtp.server.Session session) {
                    }
                })
                .messageHandlerFactory(ctx -> new MessageHandler() {
                    @Override
                    public void from(String f) throws RejectException {
                        if (script.from() != null && script.from().apply(f) != null) {
                            throw script.from().apply(f);
                        }
                    }

                    @Override
                    public void recipient(String r) throws RejectException {
                        if (script.rcpt() != null && script.rcpt().apply(r) != null) {
                            throw script.rcpt().apply(r);
                        }
                    }

                    @Override
                    public String data(InputStream in) throws RejectException, IOException {
                        in.readAllBytes();
                        if (script.data() != null) {
                            throw script.data();
                        }
                        return null;
                    }

                    @Override
                    public void done() {
                    }
                })
                .build();
        server.start();
        try {
            WarmupAccount a = account(server.getPortAllocated());
            return outbox(pool.credentials()).send(a, message(a, "someone@bravo.test"));
        } finally {
            server.stop();
        }
    }

    private static WarmupAccount account(int smtpPort) {
        WarmupAccount ann = pool.accounts().get(0);
        return new WarmupAccount(ann.id(), ann.address(), MailboxProvider.CUSTOM,
                new Endpoint(GreenMailPool.HOST, smtpPort, TlsMode.NONE), ann.imap(), ann.username(), AuthKind.PASSWORD,
                Instant.EPOCH);
    }

    @Test
    void rateLimitAtTheGreetingIsDeferred() {
        SendOutcome out = against(new Script(new RejectException(421, "4.7.0 Try again later, closing connection"),
                null, null, null));
        assertThat(out.status()).as(out.detail()).isEqualTo(Status.DEFERRED);
        assertThat(out.detail()).contains("421");
    }

    @Test
    void temporaryRecipientRefusalIsDeferred() {
        SendOutcome out = against(new Script(null, null,
                r -> new RejectException(450, "4.2.1 The user you are trying to contact is receiving mail too quickly"),
                null));
        assertThat(out.status()).as(out.detail()).isEqualTo(Status.DEFERRED);
        assertThat(out.detail()).contains("receiving mail too quickly");
    }

    @Test
    void unknownRecipientIsRejected() {
        SendOutcome out = against(new Script(null, null,
                r -> new RejectException(550, "5.1.1 The email account that you tried to reach does not exist"), null));
        assertThat(out.status()).as(out.detail()).isEqualTo(Status.REJECTED);
        assertThat(out.detail()).contains("5.1.1");
    }

    @Test
    void fullMailboxIsRejected() {
        SendOutcome out = against(new Script(null, null, null,
                new RejectException(552, "5.2.2 The recipient's mailbox is over quota")));
        assertThat(out.status()).as(out.detail()).isEqualTo(Status.REJECTED);
        assertThat(out.detail()).contains("over quota");
    }

    @Test
    void dailySendingLimitIsDeferredNotABounce() {
        SendOutcome out = against(new Script(null, null, null,
                new RejectException(550, "5.4.5 Daily user sending limit exceeded")));
        assertThat(out.status()).as(out.detail()).isEqualTo(Status.DEFERRED);
    }

    @Test
    void refusedSenderIsAnAccountFailure() {
        SendOutcome out = against(new Script(null,
                f -> new RejectException(553, "5.7.1 Sender address rejected: not owned by user"), null, null));
        assertThat(out.status()).as(out.detail()).isEqualTo(Status.ACCOUNT_FAILED);
        assertThat(out.detail()).contains("not owned");
    }
}
