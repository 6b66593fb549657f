package org.maildoctor.audit;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.maildoctor.audit.mx.MxAudit;
import org.maildoctor.dns.Resolver;

/** The MX section of the audit. */
public record MxSection(Resolver resolver, AddressPolicy policy) implements AuditSection {
    @Override
    public String name() {
        return "MX";
    }

    @Override
    public CompletableFuture<List<AuditCheck>> run(AuditRequest request) {
        return new MxAudit(resolver, policy).audit(request.domain());
    }
}
