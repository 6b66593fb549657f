package org.maildoctor.warmup.adapter;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.maildoctor.dns.DnsNames;
import org.maildoctor.dns.DnsRecord;
import org.maildoctor.dns.DnsResult;
import org.maildoctor.dns.RecordType;
import org.maildoctor.dns.Resolver;

/**
 * A mail server's address through the shared {@link Resolver} (A, then AAAA; IP literals as they
 * are), so the private-address rule and {@code --dns} apply; connect to it with {@link PinnedSocketFactory}.
 */
public final class HostLookup {
    private HostLookup() {
    }

    /** Throws {@link Unresolved} with a one-line reason. */
    public static InetAddress resolve(Resolver resolver, String host, Duration timeout) throws Unresolved {
        Optional<InetAddress> literal = DnsNames.parseIpLiteral(host);
        if (literal.isPresent()) {
            return literal.get();
        }
        DnsResult a = resolver.lookup(host, RecordType.A).completeOnTimeout(null, timeout.toMillis(),
                TimeUnit.MILLISECONDS).join();
        if (a != null) {
            for (DnsRecord r : a.recordsOrEmpty()) {
                if (r instanceof DnsRecord.A v4) {
                    return v4.address();
                }
            }
        }
        DnsResult aaaa = resolver.lookup(host, RecordType.AAAA).completeOnTimeout(null, timeout.toMillis(),
                TimeUnit.MILLISECONDS).join();
        if (aaaa != null) {
            for (DnsRecord r : aaaa.recordsOrEmpty()) {
                if (r instanceof DnsRecord.Aaaa v6) {
                    return v6.address();
                }
            }
        }
        String why = a == null ? "timeout after " + timeout.toMillis() + " ms" : a.describe();
        throw new Unresolved("cannot resolve " + host + ": " + why);
    }

    /** The host has no usable address; the message says why. */
    public static final class Unresolved extends Exception {
        public Unresolved(String message) {
            super(message, null, false, false);
        }
    }
}
