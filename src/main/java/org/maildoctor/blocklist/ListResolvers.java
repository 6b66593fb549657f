package org.maildoctor.blocklist;

import java.util.function.Function;
import org.maildoctor.dns.Resolver;

/**
 * Which resolver asks a list: the shared one, or, for a list with its own {@code server} (a local
 * rbldnsd), one the composition root built for that server. Keeps the checker free of sockets.
 */
@FunctionalInterface
public interface ListResolvers {
    Resolver forList(Blocklist list);

    /** Every list through {@code shared}; lists with their own server through {@code perServer}. */
    static ListResolvers of(Resolver shared, Function<ListServer, Resolver> perServer) {
        return list -> list.server().map(perServer).orElse(shared);
    }

    /** Every list through {@code shared}, a list's own {@code server} ignored (unit tests, fake zones). */
    static ListResolvers shared(Resolver shared) {
        return list -> shared;
    }
}
