package org.maildoctor.dns.dnsjava;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import org.maildoctor.dns.CachingResolver;
import org.maildoctor.dns.Resolver;
import org.xbill.DNS.ResolverConfig;

/** Builds resolvers; the composition root (CLI, server) calls this, capabilities only see {@link Resolver}. */
public final class Resolvers {
    /** One retry: with the budget split over attempts, a lost UDP packet costs half the timeout, not all of it. */
    public static final int DEFAULT_RETRIES = 1;

    private Resolvers() {
    }

    /**
     * A network resolver without cache.
     *
     * @param server  upstream DNS server; empty means the system's first nameserver (/etc/resolv.conf)
     * @param timeout total budget of one lookup, retries and CNAME hops included
     * @param retries further attempts after the first one times out
     */
    public static DnsjavaResolver create(Optional<InetSocketAddress> server, Duration timeout, int retries) {
        return new DnsjavaResolver(server.orElseGet(Resolvers::systemServer), timeout, retries);
    }

    /** The usual stack: network resolver behind a TTL-respecting cache. */
    public static Resolver cached(Optional<InetSocketAddress> server, Duration timeout, int retries) {
        return new CachingResolver(create(server, timeout, retries));
    }

    /**
     * The first nameserver of the system configuration.
     *
     * @throws IllegalStateException if the system has none configured
     */
    public static InetSocketAddress systemServer() {
        InetSocketAddress s = ResolverConfig.getCurrentConfig().server();
        if (s == null) {
            throw new IllegalStateException("no DNS server configured in the system (/etc/resolv.conf); give one explicitly");
        }
        return s;
    }
}
