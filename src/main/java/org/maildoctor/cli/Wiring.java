package org.maildoctor.cli;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.maildoctor.audit.TransportProbes;
import org.maildoctor.dns.CachingResolver;
import org.maildoctor.dns.DnsNames;
import org.maildoctor.dns.Resolver;
import org.maildoctor.dns.dnsjava.DnsjavaResolver;
import org.maildoctor.dns.dnsjava.Resolvers;
import org.maildoctor.transport.adapter.SocketHttpsGet;
import org.maildoctor.transport.adapter.SocketStarttlsProbe;
import org.maildoctor.transport.adapter.TrustAnchors;
import org.maildoctor.transport.starttls.StarttlsProbe;

/**
 * Builds the shared infrastructure from the global options, the same way for every command:
 * a command that needs DNS calls {@link #resolver(GlobalOptions)} once and passes the result to
 * every capability it runs, so {@code --dns} and {@code --timeout} apply everywhere.
 */
public final class Wiring {
    private Wiring() {
    }

    /** The wire resolver for {@code --dns} (or the system's nameserver) with {@code --timeout} per lookup. */
    public static DnsjavaResolver networkResolver(GlobalOptions global) {
        return new DnsjavaResolver(dnsServer(global), global.timeout, Resolvers.DEFAULT_RETRIES);
    }

    /** The resolver every capability gets: the wire resolver behind the TTL cache. */
    public static Resolver resolver(GlobalOptions global) {
        return new CachingResolver(networkResolver(global));
    }

    /**
     * HTTPS and (with {@code smtp}) STARTTLS adapters for the transport-security audit sections, each
     * operation bounded by {@code --timeout}, trusting {@code caFile} instead of the JDK roots when given.
     */
    public static TransportProbes transportProbes(GlobalOptions global, Path caFile, int httpsPort, boolean smtp,
            int smtpPort) {
        if (httpsPort < 1 || httpsPort > 65535 || smtpPort < 1 || smtpPort > 65535) {
            throw CliException.usage("ports must be 1-65535");
        }
        TrustAnchors trust;
        try {
            trust = TrustAnchors.of(Optional.ofNullable(caFile));
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--ca-file: " + e.getMessage());
        }
        Optional<StarttlsProbe> probe = smtp
                ? Optional.of(new SocketStarttlsProbe(global.timeout, trust, "maildoctor.invalid"))
                : Optional.empty();
        return new TransportProbes(new SocketHttpsGet(global.timeout, trust), httpsPort, probe, smtpPort,
                Clock.systemUTC());
    }

    /** Where DNS queries go: {@code --dns HOST[:PORT]}, else the first nameserver of /etc/resolv.conf. */
    public static InetSocketAddress dnsServer(GlobalOptions global) {
        if (global.dns == null) {
            try {
                return Resolvers.systemServer();
            } catch (IllegalStateException e) {
                throw CliException.runtime(e.getMessage() + " with --dns HOST[:PORT]");
            }
        }
        String host = global.dns.host();
        InetAddress address = DnsNames.parseIpLiteral(host).orElseGet(() -> {
            try {
                // a DNS server given by name is found through the system resolver, once
                return InetAddress.getByName(host);
            } catch (UnknownHostException e) {
                throw CliException.usage("--dns: cannot resolve host '" + host + "'");
            }
        });
        return new InetSocketAddress(address, global.dns.port());
    }
}
