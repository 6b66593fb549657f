package org.maildoctor.dns;

import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;

/**
 * The one DNS port every capability uses. Implementations: the dnsjava adapter (real network),
 * {@link CachingResolver} and {@link CountingResolver} (decorators), and a fake zone in tests.
 *
 * <p>Contract: the future never completes exceptionally because of DNS; timeouts, unreachable
 * servers, SERVFAIL and REFUSED are {@link DnsResult} cases. An invalid name is a caller error:
 * {@link #lookup} throws {@link DnsNameException} before any query is sent.
 */
public interface Resolver {

    /**
     * Looks up {@code name}/{@code type}, following CNAMEs (except for type CNAME itself).
     *
     * @param name any spelling: trailing dot optional, upper case and IDN allowed
     * @throws DnsNameException if {@code name} cannot be a DNS name
     */
    CompletableFuture<DnsResult> lookup(String name, RecordType type);

    /** The PTR records of an address ({@code 127.0.0.1} → {@code 1.0.0.127.in-addr.arpa}). */
    default CompletableFuture<DnsResult> lookupPtr(InetAddress address) {
        return lookup(DnsNames.reverseName(address), RecordType.PTR);
    }

    /** Blocking convenience for command-line code and tests; the implementation bounds the wait. */
    default DnsResult lookupNow(String name, RecordType type) {
        return lookup(name, type).join();
    }
}
