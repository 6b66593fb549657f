package org.maildoctor.auth.dmarc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.maildoctor.dns.DnsNameException;
import org.maildoctor.dns.DnsNames;
import org.maildoctor.dns.Resolver;

/**
 * The message-side DMARC check: fetches the policy and the organizational domains relaxed alignment
 * needs ({@link DmarcDiscovery}), then decides with the pure {@link DmarcEvaluator}.
 */
public final class DmarcVerifier {
    private final DmarcDiscovery discovery;

    public DmarcVerifier(Resolver resolver) {
        this.discovery = new DmarcDiscovery(resolver);
    }

    /** @throws DnsNameException if the From domain is not a domain name */
    public CompletableFuture<DmarcEvaluation> verify(MessageAuthentication message) {
        return discovery.discoverPolicy(message.fromDomain()).thenCompose(d -> {
            if (!(d instanceof PolicyDiscovery.Found f)) {
                return CompletableFuture.completedFuture(DmarcEvaluator.evaluate(d, message, x -> null));
            }
            // Only passing identifiers that differ from the From domain under relaxed alignment need a walk.
            Map<String, CompletableFuture<OrganizationalDomain>> walks = new LinkedHashMap<>();
            for (AuthenticatedIdentifier id : message.identifiers()) {
                String domain = normalizeOrNull(id.domain());
                if (id.result() == AuthResult.PASS && domain != null && !domain.equals(f.authorDomain())
                        && f.record().alignment(id.mechanism()) == AlignmentMode.RELAXED) {
                    walks.computeIfAbsent(domain, discovery::organizationalDomain);
                }
            }
            return CompletableFuture.allOf(walks.values().toArray(CompletableFuture[]::new)).thenApply(v -> {
                Map<String, OrganizationalDomain> orgs = new LinkedHashMap<>();
                walks.forEach((k, w) -> orgs.put(k, w.join()));
                // names not walked (not a valid domain name) are their own organizational domain
                return DmarcEvaluator.evaluate(d, message, x -> orgs.getOrDefault(x,
                        new OrganizationalDomain.Determined(x, OrganizationalDomain.Rule.START_DOMAIN)));
            });
        });
    }

    private static String normalizeOrNull(String d) {
        try {
            return DnsNames.normalize(d);
        } catch (DnsNameException e) {
            return null;
        }
    }

    /** Convenience for tests and tools: all identifiers at once. */
    public CompletableFuture<DmarcEvaluation> verify(String fromDomain, List<AuthenticatedIdentifier> identifiers) {
        return verify(new MessageAuthentication(fromDomain, identifiers));
    }
}
