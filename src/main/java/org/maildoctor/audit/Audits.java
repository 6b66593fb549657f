package org.maildoctor.audit;

import java.util.List;
import org.maildoctor.dns.Resolver;

/** The one place that decides which sections a domain audit has, for the CLI and the web alike. */
public final class Audits {
    private Audits() {
    }

    public static DomainAudit standard(Resolver resolver, AddressPolicy policy) {
        return new DomainAudit(List.of(
                new SpfSection(resolver, policy),
                new DkimSection(resolver),
                new DmarcSection(resolver),
                new MxSection(resolver, policy),
                new ReverseDnsSection(resolver)),
                List.of(new BulkSenderSection()));
    }
}
