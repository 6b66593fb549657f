package org.maildoctor.audit;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.maildoctor.audit.rdns.ReverseDnsAudit;
import org.maildoctor.dns.Resolver;

/** Reverse DNS of every sending IP given with {@code --ip}; empty when none was given. */
public record ReverseDnsSection(Resolver resolver) implements AuditSection {
    @Override
    public String name() {
        return "Reverse DNS";
    }

    @Override
    public CompletableFuture<List<AuditCheck>> run(AuditRequest request) {
        ReverseDnsAudit audit = new ReverseDnsAudit(resolver);
        List<CompletableFuture<List<AuditCheck>>> perIp = request.ips().stream().map(audit::audit).toList();
        return CompletableFuture.allOf(perIp.toArray(CompletableFuture[]::new))
                .thenApply(v -> perIp.stream().flatMap(f -> f.join().stream()).toList());
    }
}
