package org.maildoctor.audit;

import java.util.List;
import org.maildoctor.blocklist.BlocklistChecker;
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
                new ReverseDnsSection(resolver)));
    }

    /** The standard audit plus the blocklist section: every {@code --ip} against {@code blocklists}' catalogue. */
    public static DomainAudit standard(Resolver resolver, AddressPolicy policy, BlocklistChecker blocklists) {
        return standard(resolver, policy).with(new BlocklistSection(blocklists, policy));
    }
}
