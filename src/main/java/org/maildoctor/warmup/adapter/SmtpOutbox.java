package org.maildoctor.warmup.adapter;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.time.Clock;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.maildoctor.warmup.account.CredentialException;
import org.maildoctor.warmup.account.Credentials;
import org.maildoctor.warmup.account.Secret;
import org.maildoctor.warmup.account.TlsMode;
import org.maildoctor.warmup.account.WarmupAccount;
import org.maildoctor.warmup.engine.Outbox;
import org.maildoctor.warmup.network.WarmupMessage;

/**
 * Sends warm-up mail through the pool mailbox's own submission server (Angus Mail SMTP). Every outcome
 * is a {@link SendOutcome}, never an exception: 4xx replies (421 rate limits, 452 …), timeouts and
 * dropped connections are DEFERRED; a 5xx for the recipient or the message is REJECTED (a bounce);
 * a refused login, a refused sender address, a TLS failure, a host that does not exist or an
 * unreadable stored secret is ACCOUNT_FAILED, so the engine pauses that account only.
 * The secret is opened just before connecting and wiped after; details never contain it.
 * {@code Date} comes from the injected clock so an accelerated run dates its mail in simulated time.
 */
public final class SmtpOutbox implements Outbox {
    private static final Pattern CODE = Pattern.compile("\\b([245]\\d\\d)\\b(?:[ -]([245]\\.\\d{1,3}\\.\\d{1,3}))?");

    private final MailConnector connector;
    private final Credentials credentials;
    private final Clock clock;

    public SmtpOutbox(MailConnector connector, Credentials credentials, Clock clock) {
        this.connector = connector;
        this.credentials = credentials;
        this.clock = clock;
    }

    @Override
    public SendOutcome send(WarmupAccount from, WarmupMessage message) {
        try {
            return deliver(from, message);
        } catch (RuntimeException e) {
            // a library bug or unexpected input must not stop the engine's other sends
            return new SendOutcome(Status.DEFERRED, "unexpected error: " + e.getClass().getSimpleName() + ": "
                    + oneLine(e.getMessage()));
        }
    }

    private SendOutcome deliver(WarmupAccount from, WarmupMessage message) {
        var endpoint = from.smtp();
        java.net.InetAddress address;
        switch (connector.resolve(endpoint.host())) {
            case MailConnector.Resolved r -> address = r.address();
            case MailConnector.Unreachable u -> {
                return new SendOutcome(u.permanent() ? Status.ACCOUNT_FAILED : Status.DEFERRED, u.reason());
            }
        }
        Session session = connector.session(MailConnector.Protocol.SMTP, endpoint, address, from.auth());
        MimeMessage mime;
        try {
            mime = Mime.of(session, message, Date.from(clock.instant()));
        } catch (MessagingException e) {
            return new SendOutcome(Status.REJECTED, "cannot build the message: " + oneLine(e.getMessage()));
        }
        Secret secret;
        try {
            secret = credentials.open(from);
        } catch (CredentialException e) {
            return new SendOutcome(Status.ACCOUNT_FAILED, e.getMessage());
        }
        char[] pw = secret.reveal();
        SMTPTransport transport = null;
        try {
            transport = (SMTPTransport) session.getTransport(endpoint.tls() == TlsMode.IMPLICIT ? "smtps" : "smtp");
            transport.connect(MailConnector.connectHost(address), endpoint.port(), from.username(), new String(pw));
            transport.sendMessage(mime, new Address[] {new InternetAddress(message.to())});
            return new SendOutcome(Status.ACCEPTED, oneLine(transport.getLastServerResponse()));
        } catch (MessagingException e) {
            return classify(e, transport);
        } finally {
            java.util.Arrays.fill(pw, '\0');
            secret.wipe();
            close(transport);
        }
    }

    static SendOutcome classify(MessagingException e, SMTPTransport transport) {
        if (hasCause(e, SSLException.class)) {
            return new SendOutcome(Status.ACCOUNT_FAILED, "TLS failed: " + oneLine(rootMessage(e)));
        }
        if (e instanceof AuthenticationFailedException) {
            int code = transport == null ? -1 : transport.getLastReturnCode();
            String server = transport == null ? null : transport.getLastServerResponse();
            // 454 4.7.0 "temporary authentication failure" is the server's trouble, not a wrong password
            return new SendOutcome(code >= 400 && code < 500 ? Status.DEFERRED : Status.ACCOUNT_FAILED,
                    "SMTP login refused: " + oneLine(server != null ? server : e.getMessage()));
        }
        if (e instanceof SMTPSenderFailedException s) {
            return byCode(s.getReturnCode(), Status.ACCOUNT_FAILED, "sender " + s.getAddress() + " refused: "
                    + oneLine(s.getMessage()));
        }
        if (e instanceof SendFailedException sf) {
            for (Exception next = sf.getNextException(); next != null;
                 next = next instanceof MessagingException m ? m.getNextException() : null) {
                if (next instanceof SMTPAddressFailedException a) {
                    return byCode(a.getReturnCode(), Status.REJECTED, "recipient " + a.getAddress() + " refused: "
                            + oneLine(a.getMessage()));
                }
                if (next instanceof SMTPSenderFailedException s) {
                    return byCode(s.getReturnCode(), Status.ACCOUNT_FAILED, "sender refused: " + oneLine(s.getMessage()));
                }
            }
            if (sf instanceof SMTPSendFailedException d) {
                return byCode(d.getReturnCode(), Status.REJECTED, "message refused: " + oneLine(d.getMessage()));
            }
        }
        // connect problems: refused, timeout, dropped, or a greeting other than 220 (421 rate limit)
        String text = oneLine(e.getMessage());
        Matcher m = CODE.matcher(text);
        int code = transport != null && transport.getLastReturnCode() >= 400 ? transport.getLastReturnCode()
                : m.find() ? Integer.parseInt(m.group(1)) : -1;
        if (code >= 500) {
            return new SendOutcome(Status.ACCOUNT_FAILED, "SMTP server refused the session: " + text);
        }
        String cause = hasCause(e, IOException.class) ? " (" + oneLine(rootMessage(e)) + ")" : "";
        return new SendOutcome(Status.DEFERRED, "SMTP connection failed: " + text + cause);
    }

    /**
     * 4xx → DEFERRED; 5xx → {@code permanent}, except a sending quota (5.4.5, "limit"/"quota" in a
     * sender-side reply), which clears by itself the next day and is no bounce.
     */
    private static SendOutcome byCode(int code, Status permanent, String detail) {
        if (code >= 400 && code < 500) {
            return new SendOutcome(Status.DEFERRED, detail);
        }
        String lower = detail.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("5.4.5") || lower.contains("sending limit") || lower.contains("sending quota")
                || lower.contains("rate limit")) {
            return new SendOutcome(Status.DEFERRED, detail);
        }
        return new SendOutcome(code >= 500 ? permanent : Status.DEFERRED, detail);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> kind) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable t) {
        Throwable c = t instanceof MessagingException m && m.getNextException() != null ? m.getNextException()
                : t.getCause();
        return c == t ? null : c;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (next(t) != null) {
            t = next(t);
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }

    static String oneLine(String s) {
        return s == null ? "(no message)" : s.replaceAll("\\s+", " ").strip();
    }

    private static void close(Transport t) {
        if (t != null) {
            try {
                t.close();
            } catch (MessagingException ignored) {
                // the outcome is decided; a failed QUIT changes nothing
            }
        }
    }

    /** The MIME form of a {@link WarmupMessage}. */
    static final class Mime extends MimeMessage {
        private final String messageId;

        private Mime(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        static MimeMessage of(Session session, WarmupMessage m, Date date) throws MessagingException {
            Mime mime = new Mime(session, m.messageId());
            mime.setFrom(new InternetAddress(m.from()));
            mime.setRecipients(RecipientType.TO, InternetAddress.parse(m.to()));
            mime.setSubject(m.subject(), "UTF-8");
            mime.setSentDate(date);
            mime.setText(m.textBody(), "UTF-8");
            mime.setHeader(WarmupMessage.TOKEN_HEADER, m.token());
            if (m.inReplyTo() != null) {
                mime.setHeader("In-Reply-To", m.inReplyTo());
            }
            if (!m.references().isEmpty()) {
                mime.setHeader("References", MimeUtility.fold(12, String.join(" ", m.references())));
            }
            mime.saveChanges();
            return mime;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
