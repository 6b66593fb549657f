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
import java.util.Properties;
import javax.net.ssl.SSLException;
import org.maildoctor.dns.Resolver;
import org.maildoctor.model.IpRanges;
import org.maildoctor.warmup.account.AuthKind;
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
    private final Resolver resolver;
    private final boolean allowPrivate;
    private final Duration timeout;

    public ConnectionTester(Resolver resolver, boolean allowPrivate, Duration timeout) {
        this.resolver = resolver;
        this.allowPrivate = allowPrivate;
        this.timeout = timeout;
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
        try {
            address = resolve(endpoint.host());
        } catch (StepFailed e) {
            return new ServerCheck(protocol, endpoint, passed, Optional.of(e.failure), folders);
        }
        passed.add(ConnectionStep.DNS);
        if (!allowPrivate && !IpRanges.scope(address).isPublic()) {
            return new ServerCheck(protocol, endpoint, passed, Optional.of(new Failure(ConnectionStep.TCP,
                    endpoint.host() + " is " + address.getHostAddress() + ", " + IpRanges.scope(address).description()
                            + "; not connecting without --allow-private")), folders);
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, endpoint.port()), (int) timeout.toMillis());
        } catch (IOException e) {
            return new ServerCheck(protocol, endpoint, passed, Optional.of(new Failure(ConnectionStep.TCP,
                    "cannot connect to " + address.getHostAddress() + ":" + endpoint.port() + ": " + e.getMessage())),
                    folders);
        }
        passed.add(ConnectionStep.TCP);
        Session session = Session.getInstance(properties(protocol, endpoint, address, account.auth()));
        char[] pw = secret.reveal();
        try {
            if (protocol.equals("smtp")) {
                try (Transport t = session.getTransport(endpoint.tls() == TlsMode.IMPLICIT ? "smtps" : "smtp")) {
                    t.connect(endpoint.host(), endpoint.port(), account.username(), new String(pw));
                }
                passTlsAndAuth(endpoint, passed);
            } else {
                try (Store store = session.getStore(endpoint.tls() == TlsMode.IMPLICIT ? "imaps" : "imap")) {
                    store.connect(endpoint.host(), endpoint.port(), account.username(), new String(pw));
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

    private InetAddress resolve(String host) throws StepFailed {
        try {
            return HostLookup.resolve(resolver, host, timeout);
        } catch (HostLookup.Unresolved e) {
            throw new StepFailed(new Failure(ConnectionStep.DNS, e.getMessage()));
        }
    }

    private Properties properties(String protocol, Endpoint endpoint, InetAddress address, AuthKind auth) {
        Properties props = MailProperties.of(protocol, endpoint, address, timeout);
        String p = MailProperties.protocol(protocol, endpoint);
        if (protocol.equals("smtp")) {
            props.put("mail." + p + ".auth", "true");
        }
        if (auth == AuthKind.XOAUTH2) {
            props.put("mail." + p + ".auth.mechanisms", "XOAUTH2");
            props.put("mail." + p + ".auth.xoauth2.disable", "false");
        }
        return props;
    }

    private static final class StepFailed extends Exception {
        final transient Failure failure;

        StepFailed(Failure failure) {
            super(failure.reason(), null, false, false);
            this.failure = failure;
        }
    }
}
