package org.maildoctor.audit;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.maildoctor.blocklist.BlocklistChecker;
import org.maildoctor.blocklist.BlocklistReport;
import org.maildoctor.blocklist.ListResult;
import org.maildoctor.blocklist.Target;
import org.maildoctor.blocklist.UnknownCause;
import org.maildoctor.model.AddressScope;

/**
 * Every sending IP given with {@code --ip} against the blocklist catalogue: one check
 * {@code blocklist.<list-id>} per list and IP. Listed fails with the delisting link; a refused or
 * timed-out query is unknown, never a pass.
 */
public record BlocklistSection(BlocklistChecker checker, AddressPolicy policy) implements AuditSection {
    @Override
    public String name() {
        return "Blocklists";
    }

    @Override
    public CompletableFuture<List<AuditCheck>> run(AuditRequest request) {
        List<CompletableFuture<List<AuditCheck>>> perIp = request.ips().stream().map(this::audit).toList();
        return CompletableFuture.allOf(perIp.toArray(CompletableFuture[]::new))
                .thenApply(v -> perIp.stream().flatMap(f -> f.join().stream()).toList());
    }

    private CompletableFuture<List<AuditCheck>> audit(InetAddress ip) {
        String addr = ip.getHostAddress();
        AddressScope scope = AddressPolicy.scope(ip);
        // RFC 5782 §5 reserves 127.0.0.0/8 for the lists' own test points: asking about it says nothing
        if (scope == AddressScope.LOOPBACK || !policy.acceptable(ip)) {
            return CompletableFuture.completedFuture(List.of(AuditCheck.pass("blocklist.not-applicable",
                    addr + " is " + scope.description() + ": public blocklists do not list it, so no list was asked",
                    List.of())));
        }
        return checker.check(new Target.Ip(ip)).thenApply(BlocklistSection::checks);
    }

    private static List<AuditCheck> checks(BlocklistReport report) {
        String addr = report.target().text();
        List<AuditCheck> out = new ArrayList<>();
        for (ListResult r : report.results()) {
            String id = "blocklist." + r.list().id();
            List<String> evidence = new ArrayList<>();
            evidence.add(r.queryName() + (r.answers().isEmpty() ? "" : " -> " + String.join(", ", r.answers())));
            r.reason().ifPresent(reason -> evidence.add("TXT: " + reason));
            out.add(switch (r.verdict()) {
                case LISTED -> AuditCheck.fail(id, r.explanation(), "Find and stop what got " + addr
                        + " listed (a compromised account or host, a bad list, an open relay), then request removal at "
                        + r.list().delisting(), evidence);
                case NOT_LISTED -> AuditCheck.pass(id, r.explanation(), evidence);
                case UNKNOWN -> AuditCheck.unknown(id, r.explanation() + hint(r), evidence);
            });
        }
        return out;
    }

    private static String hint(ListResult r) {
        return r.cause().filter(c -> c == UnknownCause.QUERY_REFUSED)
                .map(c -> ". Ask through your own recursive resolver (not a public one), or point the list at a "
                        + "Data Query Service / mirror zone with --blocklists")
                .orElse("");
    }
}
