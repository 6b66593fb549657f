package org.maildoctor.audit.transport;

import java.util.concurrent.CompletableFuture;
import org.maildoctor.audit.AddressPolicy;
import org.maildoctor.dns.Resolver;
import org.maildoctor.transport.HttpsGet;
import org.maildoctor.transport.HttpsOutcome;
import org.maildoctor.transport.HttpsTarget;

/** HTTPS GET of a host's path after resolving it through the resolver and the private-address guard. */
public record Fetches(Resolver resolver, AddressPolicy policy, HttpsGet https) {

    /** What a guarded fetch gave: an HTTPS outcome, or why no connection was attempted. */
    public sealed interface Result {
        record Fetched(String url, HttpsOutcome outcome) implements Result {
        }

        record NotAttempted(String url, HostAddresses.Outcome why) implements Result {
        }
    }

    public CompletableFuture<Result> get(String host, int port, String path, int maxBytes) {
        String url = "https://" + host + (port == 443 ? "" : ":" + port) + path;
        return HostAddresses.resolve(resolver, host, policy).thenCompose(o -> switch (o) {
            case HostAddresses.Outcome.Usable u -> https.get(new HttpsTarget(host, u.usable().getFirst(), port, path, maxBytes))
                    .thenApply(r -> (Result) new Result.Fetched(url, r));
            default -> CompletableFuture.completedFuture(new Result.NotAttempted(url, o));
        });
    }

    /** Why no fetch was made, in words. */
    public static String describe(Result.NotAttempted n) {
        return switch (n.why()) {
            case HostAddresses.Outcome.Guarded g -> "did not connect to " + n.url() + ": its addresses "
                    + g.refused().stream().map(java.net.InetAddress::getHostAddress).toList()
                    + " are private, loopback or reserved (--allow-private permits them)";
            case HostAddresses.Outcome.NoAddress a -> "cannot fetch " + n.url() + ": the host has no address ("
                    + a.detail() + ")";
            case HostAddresses.Outcome.Failed f -> "cannot fetch " + n.url() + ": DNS failed (" + f.detail() + ")";
            case HostAddresses.Outcome.Usable u -> "fetched";
        };
    }
}
