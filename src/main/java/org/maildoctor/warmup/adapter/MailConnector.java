package org.maildoctor.warmup.adapter;

import jakarta.mail.Session;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocketFactory;
import org.maildoctor.dns.DnsNames;
import org.maildoctor.dns.DnsRecord;
import org.maildoctor.dns.DnsResult;
import org.maildoctor.dns.RecordType;
import org.maildoctor.dns.Resolver;
import org.maildoctor.model.IpRanges;
import org.maildoctor.warmup.account.AuthKind;
import org.maildoctor.warmup.account.Endpoint;
import org.maildoctor.warmup.account.TlsMode;

/**
 * How every warm-up adapter reaches a mail server: the host is resolved through the shared
 * {@link Resolver}, private and loopback addresses are refused unless allowed, and the Angus Mail
 * session connects to that address only (a pinned socket factory) with connect, read and write
 * timeouts, TLS per the endpoint and XOAUTH2 when the account uses a token.
 */
public final class MailConnector {
    /** The four Angus protocol names, chosen by service and TLS mode. */
    public enum Protocol {
        SMTP, IMAP;

        public String name(Endpoint endpoint) {
            String base = this == SMTP ? "smtp" : "imap";
            return endpoint.tls() == TlsMode.IMPLICIT ? base + "s" : base;
        }
    }

    private final Resolver resolver;
    private final boolean allowPrivate;
    private final Duration timeout;
    private final SSLSocketFactory tls;

    public MailConnector(Resolver resolver, boolean allowPrivate, Duration timeout) {
        this(resolver, allowPrivate, timeout, (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    /** With the TLS factory whose trust anchors decide which certificates pass (the JDK's by default). */
    public MailConnector(Resolver resolver, boolean allowPrivate, Duration timeout, SSLSocketFactory tls) {
        this.resolver = resolver;
        this.allowPrivate = allowPrivate;
        this.timeout = timeout;
        this.tls = tls;
    }

    public Duration timeout() {
        return timeout;
    }

    /** The address to connect to, or why there is none. */
    public sealed interface Target {
    }

    public record Resolved(InetAddress address) implements Target {
    }

    public record Unreachable(String reason, Cause cause) implements Target {
        /** The name does not exist or is a refused private address: configuration, not worth retrying. */
        public boolean permanent() {
            return cause != Cause.DNS_TRANSIENT;
        }
    }

    public enum Cause { NO_SUCH_HOST, DNS_TRANSIENT, PRIVATE_ADDRESS }

    public Target resolve(String host) {
        Optional<InetAddress> literal = DnsNames.parseIpLiteral(host);
        InetAddress found = literal.orElse(null);
        String why = null;
        Cause cause = Cause.DNS_TRANSIENT;
        if (found == null) {
            DnsResult a = lookup(host, RecordType.A);
            found = first(a);
            if (found == null) {
                DnsResult aaaa = lookup(host, RecordType.AAAA);
                found = first(aaaa);
                if (found == null) {
                    why = a == null ? "timeout after " + timeout.toMillis() + " ms" : a.describe();
                    if (a instanceof DnsResult.NxDomain || a instanceof DnsResult.NoData) {
                        cause = Cause.NO_SUCH_HOST;
                    }
                }
            }
        }
        if (found == null) {
            return new Unreachable("cannot resolve " + host + ": " + why, cause);
        }
        if (!allowPrivate && !IpRanges.scope(found).isPublic()) {
            return new Unreachable(host + " is " + found.getHostAddress() + ", " + IpRanges.scope(found).description()
                    + "; not connecting without --allow-private", Cause.PRIVATE_ADDRESS);
        }
        return new Resolved(found);
    }

    private DnsResult lookup(String host, RecordType type) {
        return resolver.lookup(host, type).completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    private static InetAddress first(DnsResult r) {
        if (r == null) {
            return null;
        }
        for (DnsRecord rec : r.recordsOrEmpty()) {
            if (rec instanceof DnsRecord.A v4) {
                return v4.address();
            }
            if (rec instanceof DnsRecord.Aaaa v6) {
                return v6.address();
            }
        }
        return null;
    }

    /**
     * What to pass as the host to {@code Transport.connect} / {@code Store.connect} for a session made by
     * {@link #session}: the address literal, so that no code path of the mail library resolves the name
     * itself (see {@link PinnedSocketFactory}); TLS still verifies the endpoint's name.
     */
    public static String connectHost(InetAddress address) {
        return address.getHostAddress();
    }

    /** A session whose sockets go to {@code address} only. */
    public Session session(Protocol protocol, Endpoint endpoint, InetAddress address, AuthKind auth) {
        return Session.getInstance(properties(protocol, endpoint, address, auth));
    }

    Properties properties(Protocol protocol, Endpoint endpoint, InetAddress address, AuthKind auth) {
        String p = protocol.name(endpoint);
        Properties props = new Properties();
        String ms = Long.toString(timeout.toMillis());
        props.put("mail." + p + ".connectiontimeout", ms);
        props.put("mail." + p + ".timeout", ms);
        props.put("mail." + p + ".writetimeout", ms);
        if (protocol == Protocol.SMTP) {
            props.put("mail." + p + ".auth", "true");
        } else {
            // reading a body (to find a stripped token) must not mark someone's mail as read
            props.put("mail." + p + ".peek", "true");
        }
        if (auth == AuthKind.XOAUTH2) {
            props.put("mail." + p + ".auth.mechanisms", "XOAUTH2");
            props.put("mail." + p + ".auth.xoauth2.disable", "false");
        }
        PinnedSocketFactory pinned = new PinnedSocketFactory(address, endpoint.host(), tls);
        props.put("mail." + p + ".socketFactory", pinned.plain());
        props.put("mail." + p + ".ssl.socketFactory", pinned);
        // no retry with a plain, unpinned socket: it would connect by name and hide the real (TLS) error
        props.put("mail." + p + ".socketFactory.fallback", "false");
        // the JDK checks the certificate against the server's name during the handshake (PinnedSocketFactory);
        // Angus would compare it with the address literal the session connects to
        props.put("mail." + p + ".ssl.checkserveridentity", "false");
        if (endpoint.tls() == TlsMode.STARTTLS) {
            props.put("mail." + p + ".starttls.enable", "true");
            props.put("mail." + p + ".starttls.required", "true");
        }
        return props;
    }
}
