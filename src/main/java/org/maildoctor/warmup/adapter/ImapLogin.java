package org.maildoctor.warmup.adapter;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.net.InetAddress;
import java.util.Arrays;
import javax.net.ssl.SSLException;
import org.maildoctor.warmup.account.CredentialException;
import org.maildoctor.warmup.account.Credentials;
import org.maildoctor.warmup.account.Secret;
import org.maildoctor.warmup.account.TlsMode;
import org.maildoctor.warmup.account.WarmupAccount;

/** Logs in to an account's IMAP server, or says why not: the account's fault (pause it) or the connection's. */
final class ImapLogin {

    sealed interface Outcome {
    }

    record LoggedIn(Store store) implements Outcome {
    }

    record Refused(String reason, boolean accountFailed) implements Outcome {
    }

    private ImapLogin() {
    }

    static Outcome login(MailConnector connector, Credentials credentials, WarmupAccount account) {
        var endpoint = account.imap();
        InetAddress address;
        switch (connector.resolve(endpoint.host())) {
            case MailConnector.Resolved r -> address = r.address();
            case MailConnector.Unreachable u -> {
                return new Refused(u.reason(), u.permanent());
            }
        }
        Secret secret;
        try {
            secret = credentials.open(account);
        } catch (CredentialException e) {
            return new Refused(e.getMessage(), true);
        }
        Session session = connector.session(MailConnector.Protocol.IMAP, endpoint, address, account.auth());
        char[] pw = secret.reveal();
        Store store = null;
        try {
            store = session.getStore(endpoint.tls() == TlsMode.IMPLICIT ? "imaps" : "imap");
            store.connect(MailConnector.connectHost(address), endpoint.port(), account.username(), new String(pw));
            return new LoggedIn(store);
        } catch (AuthenticationFailedException e) {
            return new Refused("IMAP login refused: " + SmtpOutbox.oneLine(e.getMessage()), true);
        } catch (MessagingException e) {
            close(store);
            boolean tls = false;
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                tls |= t instanceof SSLException;
            }
            return new Refused((tls ? "IMAP TLS failed: " : "IMAP connection failed: ")
                    + SmtpOutbox.oneLine(e.getMessage()), tls);
        } catch (RuntimeException e) {
            close(store);
            return new Refused("IMAP connection failed: " + e.getClass().getSimpleName() + ": "
                    + SmtpOutbox.oneLine(e.getMessage()), false);
        } finally {
            Arrays.fill(pw, '\0');
            secret.wipe();
        }
    }

    static void close(Store store) {
        if (store != null) {
            try {
                store.close();
            } catch (MessagingException | RuntimeException ignored) {
                // the connection is going away either way
            }
        }
    }
}
