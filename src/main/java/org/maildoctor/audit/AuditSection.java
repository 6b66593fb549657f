package org.maildoctor.audit;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One part of a domain audit (MX, reverse DNS, SPF, DKIM, DMARC …). Sections run concurrently;
 * each issues its own DNS queries as soon as their inputs are known, through the shared resolver.
 */
public interface AuditSection {
    /** Short name shown as the section heading, e.g. "MX". */
    String name();

    CompletableFuture<List<AuditCheck>> run(AuditRequest request);

    /** The checks and any corrected records to publish; sections that propose none need not override it. */
    default CompletableFuture<SectionResult> runWithRecords(AuditRequest request) {
        return run(request).thenApply(SectionResult::of);
    }
}
