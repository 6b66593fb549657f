package org.maildoctor.warmup.adapter;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.maildoctor.dns.Resolver;
import org.maildoctor.warmup.account.ConnectionReport;
import org.maildoctor.warmup.account.ConnectionReport.Failure;
import org.maildoctor.warmup.account.ConnectionReport.ServerCheck;
import org.maildoctor.warmup.account.ConnectionStep;
import org.maildoctor.warmup.account.Endpoint;
import org.maildoctor.warmup.account.Secret;
import org.maildoctor.warmup.account.TlsMode;
import org.maildoctor.warmup.account.WarmupAccount;

/**
 * Tests an account's SMTP and IMAP servers step by step so the user learns which step failed:
 * DNS (through the shared {@link Resolver}), TCP, TLS, authentication and, for IMAP, listing the
 * folders. Mail protocol work is Angus Mail's; the address it connects to is the one our resolver
 * found (a pinned socket factory), so the private-address rule cannot be bypassed by a second lookup.
 */
public final class ConnectionTester {
    private final MailConnector connector;
    private final Duration timeout;

    public ConnectionTester(Resolver resolver, boolean allowPrivate, Duration timeout) {
        this(new MailConnector(resolver, allowPrivate, timeout));
    }

    public ConnectionTester(MailConnector connector) {
        this.connector = connector;
        this.timeout = connector.timeout();
    }

    public ConnectionReport test(WarmupAccount account, Secret secret) {
        return new ConnectionReport(account.address(),
                check("smtp", account.smtp(), account, secret),
                check("imap", account.imap(), account, secret));
    }

    private ServerCheck check(String protocol, Endpoint endpoint, WarmupAccount account, Secret secret) {
        List<ConnectionStep> passed = new ArrayList<>();
        List<String> folders = new ArrayList<>();
        InetAddress address;
        switch (connector.resolve(endpoint.host())) {
            case MailConnector.Resolved r -> address = r.address();
            case MailConnector.Unreachable u -> {
                // a refused private address resolved fine: the connection is what we decline
                boolean resolved = u.cause() == MailConnector.Cause.PRIVATE_ADDRESS;
                if (resolved) {
                    passed.add(ConnectionStep.DNS);
                }
                return new ServerCheck(protocol, endpoint, passed, Optional.of(new Failure(
                        resolved ? ConnectionStep.TCP : ConnectionStep.DNS, u.reason())), folders);
            }
        }
        passed.add(ConnectionStep.DNS);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, endpoint.port()), (int) timeout.toMillis());
        } catch (IOException e) {
            return new ServerCheck(protocol, endpoint, passed, Optional.of(new Failure(ConnectionStep.TCP,
                    "cannot connect to " + address.getHostAddress() + ":" + endpoint.port() + ": " + e.getMessage())),
                    folders);
        }
        passed.add(ConnectionStep.TCP);
        Session session = connector.session(protocol.equals("smtp") ? MailConnector.Protocol.SMTP
                : MailConnector.Protocol.IMAP, endpoint, address, account.auth());
        char[] pw = secret.reveal();
        try {
            if (protocol.equals("smtp")) {
                try (Transport t = session.getTransport(endpoint.tls() == TlsMode.IMPLICIT ? "smtps" : "smtp")) {
                    t.connect(MailConnector.connectHost(address), endpoint.port(), account.username(), new String(pw));
                }
                passTlsAndAuth(endpoint, passed);
            } else {
                try (Store store = session.getStore(endpoint.tls() == TlsMode.IMPLICIT ? "imaps" : "imap")) {
                    store.connect(MailConnector.connectHost(address), endpoint.port(), account.username(), new String(pw));
                    passTlsAndAuth(endpoint, passed);
                    try {
                        for (Folder f : store.getDefaultFolder().list("*")) {
                            folders.add(f.getFullName());
                        }
                    } catch (MessagingException e) {
                        return new ServerCheck(protocol, endpoint, passed, Optional.of(new Failure(
                                ConnectionStep.FOLDERS, "cannot list folders: " + e.getMessage())), folders);
                    }
                    passed.add(ConnectionStep.FOLDERS);
                }
            }
        } catch (MessagingException e) {
            return new ServerCheck(protocol, endpoint, passed, Optional.of(classify(e, endpoint, passed)), folders);
        } finally {
            java.util.Arrays.fill(pw, '\0');
        }
        return new ServerCheck(protocol, endpoint, passed, Optional.empty(), folders);
    }

    private static void passTlsAndAuth(Endpoint endpoint, List<ConnectionStep> passed) {
        if (endpoint.tls() != TlsMode.NONE) {
            passed.add(ConnectionStep.TLS);
        }
        passed.add(ConnectionStep.AUTH);
    }

    /** Angus reports TLS and login problems as MessagingExceptions; the cause chain tells them apart. */
    private static Failure classify(MessagingException e, Endpoint endpoint, List<ConnectionStep> passed) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SSLException ssl) {
                return new Failure(ConnectionStep.TLS, "TLS with " + endpoint.host() + " failed: " + ssl.getMessage());
            }
        }
        if (e instanceof AuthenticationFailedException) {
            if (endpoint.tls() != TlsMode.NONE) {
                passed.add(ConnectionStep.TLS);
            }
            return new Failure(ConnectionStep.AUTH, "login refused: " + oneLine(e.getMessage()));
        }
        String m = oneLine(e.getMessage());
        if (endpoint.tls() == TlsMode.STARTTLS && m.toLowerCase(java.util.Locale.ROOT).contains("starttls")) {
            return new Failure(ConnectionStep.TLS, m);
        }
        return new Failure(endpoint.tls() == TlsMode.NONE ? ConnectionStep.AUTH : ConnectionStep.TLS, m);
    }

    private static String oneLine(String s) {
        return s == null ? "(no message)" : s.replaceAll("\\s+", " ").trim();
    }
}
