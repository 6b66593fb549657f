package org.maildoctor.audit.transport;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.maildoctor.dns.DnsRecord;
import org.maildoctor.dns.DnsResult;
import org.maildoctor.dns.RecordType;
import org.maildoctor.dns.Resolver;

/** The MX hosts of a domain by preference, for the sections that check each of them. */
public final class MxHosts {
    private MxHosts() {
    }

    /** {@code hosts} empty with {@code failure} set when DNS did not answer; null MX hosts left out. */
    public record Lookup(List<String> hosts, DnsResult result) {
        public Lookup {
            hosts = List.copyOf(hosts);
        }

        public boolean failed() {
            return result.isFailure();
        }
    }

    public static CompletableFuture<Lookup> of(Resolver resolver, String domain) {
        return resolver.lookup(domain, RecordType.MX).thenApply(r -> new Lookup(
                r.recordsOrEmpty().stream().filter(DnsRecord.Mx.class::isInstance).map(DnsRecord.Mx.class::cast)
                        .filter(m -> !m.isNullMx()).sorted(Comparator.comparingInt(DnsRecord.Mx::preference))
                        .map(DnsRecord.Mx::exchange).distinct().toList(), r));
    }
}
