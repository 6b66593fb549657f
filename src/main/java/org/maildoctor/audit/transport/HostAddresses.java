package org.maildoctor.audit.transport;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.maildoctor.audit.AddressPolicy;
import org.maildoctor.dns.DnsRecord;
import org.maildoctor.dns.DnsResult;
import org.maildoctor.dns.RecordType;
import org.maildoctor.dns.Resolver;

/**
 * The addresses of a host that maildoctor may connect to: A and AAAA through the shared resolver,
 * then the private-address guard. Nothing connects to an address that did not pass here.
 */
public final class HostAddresses {
    private HostAddresses() {
    }

    public sealed interface Outcome {
        /** At least one address may be used; {@code usable} first. */
        record Usable(List<InetAddress> usable) implements Outcome {
        }

        /** The host has addresses, but none the guard allows. */
        record Guarded(List<InetAddress> refused) implements Outcome {
        }

        /** The host has no address (NXDOMAIN or no A/AAAA). */
        record NoAddress(String detail) implements Outcome {
        }

        /** DNS did not answer. */
        record Failed(String detail) implements Outcome {
        }
    }

    public static CompletableFuture<Outcome> resolve(Resolver resolver, String host, AddressPolicy policy) {
        CompletableFuture<DnsResult> a = resolver.lookup(host, RecordType.A);
        CompletableFuture<DnsResult> aaaa = resolver.lookup(host, RecordType.AAAA);
        return a.thenCombine(aaaa, (r4, r6) -> {
            List<InetAddress> all = new ArrayList<>();
            r4.recordsOrEmpty().stream().filter(DnsRecord.A.class::isInstance)
                    .forEach(r -> all.add(((DnsRecord.A) r).address()));
            r6.recordsOrEmpty().stream().filter(DnsRecord.Aaaa.class::isInstance)
                    .forEach(r -> all.add(((DnsRecord.Aaaa) r).address()));
            if (all.isEmpty()) {
                if (r4.isFailure() || r6.isFailure()) {
                    return new Outcome.Failed((r4.isFailure() ? r4 : r6).describe());
                }
                return new Outcome.NoAddress(r4.describe());
            }
            List<InetAddress> usable = all.stream().filter(policy::acceptable).toList();
            return usable.isEmpty() ? new Outcome.Guarded(all) : new Outcome.Usable(usable);
        });
    }
}
