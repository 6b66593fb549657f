package org.maildoctor.receiver.score;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.maildoctor.blocklist.Blocklist;
import org.maildoctor.blocklist.BlocklistChecker;
import org.maildoctor.blocklist.BlocklistReport;
import org.maildoctor.blocklist.ListResult;
import org.maildoctor.blocklist.ReturnCode;
import org.maildoctor.blocklist.Target;
import org.maildoctor.blocklist.UnknownCause;

/**
 * The analysis's blocklist port over the blocklist checker: the client IP against the IP lists of
 * the catalogue, each domain against its domain lists (the checker skips lists that do not apply).
 */
public final class CatalogueBlocklistLookup implements BlocklistLookup {
    private final BlocklistChecker checker;

    public CatalogueBlocklistLookup(BlocklistChecker checker) {
        this.checker = Objects.requireNonNull(checker);
    }

    @Override
    public List<String> lists() {
        return checker.catalogue().enabled().stream().map(Blocklist::zone).toList();
    }

    @Override
    public CompletableFuture<Outcome> lookup(InetAddress clientIp, Collection<String> domains) {
        List<Target> targets = new ArrayList<>();
        targets.add(new Target.Ip(clientIp));
        Set<String> seen = new LinkedHashSet<>();
        for (String d : domains) {
            try {
                Target.Domain t = new Target.Domain(d);
                if (seen.add(t.name())) {
                    targets.add(t);
                }
            } catch (IllegalArgumentException e) { // includes DnsNameException
                // not a registrable name (an IP-literal link, a bare label): nothing a domain list can say
            }
        }
        List<CompletableFuture<Outcome>> each = targets.stream().map(this::lookupOne).toList();
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<Listing> listings = new ArrayList<>();
            List<Unchecked> unchecked = new ArrayList<>();
            int asked = 0;
            for (CompletableFuture<Outcome> f : each) {
                Outcome o = f.join();
                listings.addAll(o.listings());
                unchecked.addAll(o.unchecked());
                asked += o.asked();
            }
            return new Outcome(listings, unchecked, asked);
        });
    }

    private CompletableFuture<Outcome> lookupOne(Target target) {
        CompletableFuture<BlocklistReport> report;
        try {
            report = checker.check(target);
        } catch (RuntimeException e) {
            report = CompletableFuture.failedFuture(e);
        }
        return report.handle((r, e) -> {
            if (e != null) {
                return new Outcome(List.of(), List.of(new Unchecked(target.text(), "every list",
                        "the lookup failed: " + e.getMessage())), 1);
            }
            List<Listing> listings = new ArrayList<>();
            List<Unchecked> unchecked = new ArrayList<>();
            for (ListResult lr : r.results()) {
                switch (lr.verdict()) {
                    case LISTED -> listings.add(new Listing(target.text(), lr.list().zone(), meaning(lr),
                            lr.list().delisting()));
                    case UNKNOWN -> unchecked.add(new Unchecked(target.text(), lr.list().zone(),
                            lr.cause().map(UnknownCause::words).orElse("no answer")));
                    case NOT_LISTED -> {
                    }
                }
            }
            return new Outcome(listings, unchecked, r.results().size());
        });
    }

    private static String meaning(ListResult lr) {
        String codes = lr.codes().stream().map(ReturnCode::meaning).distinct().collect(Collectors.joining(", "));
        String m = codes.isEmpty() ? "listed (" + String.join(", ", lr.answers()) + ")" : codes;
        return lr.reason().map(reason -> m + " — " + reason).orElse(m);
    }
}
