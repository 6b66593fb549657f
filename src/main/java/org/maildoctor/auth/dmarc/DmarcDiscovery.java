package org.maildoctor.auth.dmarc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.maildoctor.dns.DnsNameException;
import org.maildoctor.dns.DnsNames;
import org.maildoctor.dns.DnsRecord;
import org.maildoctor.dns.DnsResult;
import org.maildoctor.dns.RecordType;
import org.maildoctor.dns.Resolver;

/**
 * Fetches DMARC records: RFC 9989 §4.10 DNS Tree Walks, §4.10.1 policy discovery and §4.10.2
 * organizational domains, through the shared {@link Resolver} and nothing else. Deciding what a
 * message's result is happens elsewhere, in the pure {@link DmarcEvaluator}.
 */
public final class DmarcDiscovery {
    private final Resolver resolver;

    public DmarcDiscovery(Resolver resolver) {
        this.resolver = java.util.Objects.requireNonNull(resolver);
    }

    /**
     * Walks from {@code domain} towards the root: at most {@link TreeWalk#MAX_QUERIES} TXT lookups, stopping
     * early at a record with {@code psd=y} or {@code psd=n}. Failed lookups are recorded and the walk goes on,
     * so the result can still say what the answered lookups showed.
     *
     * @throws DnsNameException if {@code domain} is not a domain name
     */
    public CompletableFuture<TreeWalk> treeWalk(String domain) {
        String start = DnsNames.normalize(domain);
        if (start.equals(".")) {
            throw new DnsNameException(domain, "the root has no DMARC record");
        }
        return walk(TreeWalk.names(start), 0, new ArrayList<>()).thenApply(steps -> new TreeWalk(start, steps));
    }

    /** The RFC 9989 §4.10.2 organizational domain of {@code domain}. */
    public CompletableFuture<OrganizationalDomain> organizationalDomain(String domain) {
        return treeWalk(domain).thenApply(TreeWalk::organizationalDomain);
    }

    /**
     * RFC 9989 §4.10.1: the Author Domain's own record if it has one, else the record of its Organizational
     * Domain, else that of its Public Suffix Domain; {@code sp}/{@code np} chosen by whether the Author
     * Domain exists.
     */
    public CompletableFuture<PolicyDiscovery> discoverPolicy(String authorDomain) {
        return treeWalk(authorDomain).thenCompose(this::decide);
    }

    private CompletableFuture<PolicyDiscovery> decide(TreeWalk walk) {
        String author = walk.startDomain();
        WalkStep first = walk.steps().getFirst();
        switch (first) {
            case WalkStep.Failed f -> {
                return done(new PolicyDiscovery.TempError(author, walk, f.failure()));
            }
            case WalkStep.RecordFound f -> {
                return done(new PolicyDiscovery.Found(author, author, PolicySource.AUTHOR_DOMAIN, f.record(),
                        f.parse(), walk, DomainExistence.EXISTS, f.record().policy()));
            }
            case WalkStep.NoRecord n -> {
                if (unusableSingleRecord(n.parse())) {
                    return done(new PolicyDiscovery.Unusable(author, walk, n.parse()));
                }
                Optional<Inherited> inherited = inherited(walk);
                if (inherited.isEmpty()) {
                    List<DnsResult> failures = walk.failures();
                    return done(failures.isEmpty() ? new PolicyDiscovery.NoPolicy(author, walk, n.parse())
                            : new PolicyDiscovery.TempError(author, walk, failures.getFirst()));
                }
                Inherited in = inherited.get();
                return existence(author).thenApply(exists -> new PolicyDiscovery.Found(author, in.step().domain(),
                        in.source(), in.step().record(), in.step().parse(), walk, exists,
                        exists == DomainExistence.DOES_NOT_EXIST ? in.step().record().effectiveNonExistentPolicy()
                                : in.step().record().effectiveSubdomainPolicy()));
            }
        }
    }

    // One v=DMARC1 record too broken to use means "no DMARC processing" (§4.10.1); several records, or
    // records not starting with v=DMARC1, are discarded and the walk goes on (§4.10 step 2).
    private static boolean unusableSingleRecord(DmarcParseResult parse) {
        return parse instanceof DmarcParseResult.Invalid inv && inv.findings().stream().map(DmarcFinding::id)
                .anyMatch(id -> id == FindingId.SYNTAX || id == FindingId.DUPLICATE_TAG
                        || id == FindingId.INVALID_TAG_VALUE || id == FindingId.INVALID_URI);
    }

    private record Inherited(WalkStep.RecordFound step, PolicySource source) {
    }

    // §4.10.1: the Organizational Domain's record, else the Public Suffix Domain's (psd=y) record.
    private static Optional<Inherited> inherited(TreeWalk walk) {
        String org = walk.organizationalDomain().domain();
        List<WalkStep.RecordFound> found = walk.recordsFound();
        for (WalkStep.RecordFound f : found) {
            if (f.domain().equals(org)) {
                return Optional.of(new Inherited(f, PolicySource.ORGANIZATIONAL_DOMAIN));
            }
        }
        for (WalkStep.RecordFound f : found) {
            if (f.record().psd() == PsdFlag.YES) {
                return Optional.of(new Inherited(f, PolicySource.PUBLIC_SUFFIX_DOMAIN));
            }
        }
        return Optional.empty();
    }

    /** RFC 8020 / RFC 9989 "Non-existent Domains": NXDOMAIN for the name itself. */
    public CompletableFuture<DomainExistence> existence(String domain) {
        return resolver.lookup(domain, RecordType.A).thenApply(r -> switch (r) {
            case DnsResult.NxDomain nx -> DomainExistence.DOES_NOT_EXIST;
            case DnsResult.Answer a -> DomainExistence.EXISTS;
            case DnsResult.NoData nd -> DomainExistence.EXISTS;
            default -> DomainExistence.UNKNOWN;
        });
    }

    private CompletableFuture<List<WalkStep>> walk(List<String> names, int i, List<WalkStep> acc) {
        if (i >= names.size()) {
            return done(acc);
        }
        return lookup(names.get(i)).thenCompose(step -> {
            acc.add(step);
            // psd=y/n ends the walk (§4.10); so does a server that cannot be reached or times out, since every
            // further lookup would wait just as long: the walk is then incomplete, never "no record".
            return TreeWalk.stops(step) || serverDown(step) ? done(acc) : walk(names, i + 1, acc);
        });
    }

    private static boolean serverDown(WalkStep step) {
        return step instanceof WalkStep.Failed f
                && (f.failure() instanceof DnsResult.Timeout || f.failure() instanceof DnsResult.Unreachable);
    }

    private CompletableFuture<WalkStep> lookup(String domain) {
        String name = "_dmarc." + domain;
        if (name.length() > DnsNames.MAX_NAME_LENGTH) {
            // cannot exist in the DNS, so nothing can be published there
            return done(new WalkStep.NoRecord(domain, "name-too-long", DmarcRecordParser.parseTxtSet(List.of())));
        }
        return resolver.lookup(name, RecordType.TXT).thenApply(r -> step(domain, r));
    }

    static WalkStep step(String domain, DnsResult r) {
        if (r.isFailure()) {
            return new WalkStep.Failed(domain, r);
        }
        List<String> texts = r instanceof DnsResult.Answer a
                ? a.records(DnsRecord.Txt.class).stream().map(DnsRecord.Txt::text).toList() : List.of();
        DmarcParseResult parse = DmarcRecordParser.parseTxtSetCached(texts);
        return parse.effectiveRecord().<WalkStep>map(rec -> new WalkStep.RecordFound(domain, rec, parse))
                .orElseGet(() -> new WalkStep.NoRecord(domain, r.outcome(), parse));
    }

    private static <T> CompletableFuture<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }
}
