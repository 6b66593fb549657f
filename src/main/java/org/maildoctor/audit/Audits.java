package org.maildoctor.audit;

import java.util.ArrayList;
import java.util.List;
import org.maildoctor.blocklist.BlocklistChecker;
import org.maildoctor.dns.Resolver;

/** The one place that decides which sections a domain audit has, for the CLI and the web alike. */
public final class Audits {
    private Audits() {
    }

    /** The DNS-only sections. */
    public static DomainAudit standard(Resolver resolver, AddressPolicy policy) {
        return new DomainAudit(dnsSections(resolver, policy), checklists());
    }

    /**
     * Every section: the DNS-only ones, then transport security (MTA-STS, TLS-RPT, BIMI, DANE) and, when
     * {@code probes} has a STARTTLS probe, the STARTTLS check of each MX.
     */
    public static DomainAudit standard(Resolver resolver, AddressPolicy policy, TransportProbes probes) {
        List<AuditSection> sections = new ArrayList<>(dnsSections(resolver, policy));
        sections.add(new MtaStsSection(resolver, policy, probes.https(), probes.httpsPort()));
        sections.add(new TlsRptSection(resolver));
        sections.add(new BimiSection(resolver, policy, probes.https(), probes.httpsPort(), probes.clock()));
        sections.add(new DaneSection(resolver));
        probes.starttls().ifPresent(p -> sections.add(new StarttlsSection(resolver, policy, p, probes.smtpPort(),
                probes.clock())));
        return new DomainAudit(sections, checklists());
    }

    /** Read off the finished sections, not graded: the mailbox providers' bulk-sender requirements. */
    private static List<ChecklistSection> checklists() {
        return List.of(new BulkSenderSection());
    }

    private static List<AuditSection> dnsSections(Resolver resolver, AddressPolicy policy) {
        return List.of(
                new SpfSection(resolver, policy),
                new DkimSection(resolver),
                new DmarcSection(resolver),
                new MxSection(resolver, policy),
                new ReverseDnsSection(resolver));
    }

    /** The standard audit plus the blocklist section: every {@code --ip} against {@code blocklists}' catalogue. */
    public static DomainAudit standard(Resolver resolver, AddressPolicy policy, BlocklistChecker blocklists) {
        return standard(resolver, policy).with(new BlocklistSection(blocklists, policy));
    }

    /** Every section: DNS, transport security and the blocklist section. */
    public static DomainAudit standard(Resolver resolver, AddressPolicy policy, TransportProbes probes,
            BlocklistChecker blocklists) {
        return standard(resolver, policy, probes).with(new BlocklistSection(blocklists, policy));
    }
}
