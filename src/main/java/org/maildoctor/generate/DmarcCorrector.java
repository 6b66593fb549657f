package org.maildoctor.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.maildoctor.auth.dmarc.DmarcCheckReport;
import org.maildoctor.auth.dmarc.DmarcRecord;
import org.maildoctor.auth.dmarc.FindingId;
import org.maildoctor.auth.dmarc.Policy;
import org.maildoctor.auth.dmarc.PolicyDiscovery;
import org.maildoctor.auth.dmarc.PolicySource;
import org.maildoctor.auth.dmarc.ReportUri;

/**
 * The DMARC record to publish next, from what the DMARC check found: the first rollout step
 * ({@code p=none} with reports) when none applies, the next step ({@code p=quarantine}) from
 * {@code p=none}, and a clean rewrite (RFC 7489-only tags dropped) of a record with errors or
 * deprecated tags. Pure.
 */
public final class DmarcCorrector {
    private final DmarcGenerator generator = new DmarcGenerator();

    public Optional<Correction> correct(DmarcCheckReport report) {
        String domain = report.domain();
        return switch (report.discovery()) {
            case PolicyDiscovery.NoPolicy n -> start(domain, "no DMARC policy applies: publish the first rollout step");
            case PolicyDiscovery.Unusable u -> start(domain, "the published record is unusable: replace it with the "
                    + "first rollout step");
            case PolicyDiscovery.TempError t -> Optional.empty();
            case PolicyDiscovery.Found f -> fromFound(domain, f, report);
        };
    }

    private Optional<Correction> start(String domain, String why) {
        DmarcChoices c = new DmarcChoices(domain, Policy.NONE, Optional.empty(), Optional.empty(), OptionalInt.empty(),
                List.of("mailto:dmarc-reports@" + domain), List.of(), org.maildoctor.auth.dmarc.AlignmentMode.RELAXED,
                org.maildoctor.auth.dmarc.AlignmentMode.RELAXED, Set.of());
        DmarcProposal p = generator.generate(c);
        List<String> notes = new ArrayList<>();
        notes.add("make sure dmarc-reports@" + domain + " exists, or use your DMARC report service's address");
        p.rollout().stream().skip(1).forEach(s -> notes.add("then step " + s.step() + ": " + s.record() + " ("
                + s.duration() + ")"));
        return Optional.of(new Correction(p.record(), List.of(why), notes));
    }

    private Optional<Correction> fromFound(String domain, PolicyDiscovery.Found f, DmarcCheckReport report) {
        DmarcRecord r = f.record();
        boolean own = f.source() == PolicySource.AUTHOR_DOMAIN;
        List<String> changes = new ArrayList<>();
        Policy p = r.policy();
        if (f.applicablePolicy() == Policy.NONE) {
            p = Policy.QUARANTINE;
            changes.add("p=none only monitors: the next rollout step is p=quarantine, once the aggregate reports "
                    + "show every legitimate source aligned");
        }
        boolean invalid = report.findings().stream().anyMatch(x -> x.severity() == org.maildoctor.model.Severity.ERROR
                && x.id() != FindingId.DNS_FAILURE);
        if (invalid) {
            changes.add("rewrote the record without its errors");
        }
        if (!r.deprecatedTags().isEmpty()) {
            changes.add("dropped the RFC 7489-only tag(s) " + String.join(", ", r.deprecatedTags().keySet().stream()
                    .sorted().toList()) + " (removed by RFC 9989)");
        }
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        List<String> rua = r.aggregateReports().stream().map(ReportUri::published).toList();
        DmarcChoices c = new DmarcChoices(own ? domain : f.policyDomain(), p, r.subdomainPolicy(),
                r.nonExistentPolicy(), OptionalInt.empty(), rua.isEmpty() ? List.of("mailto:dmarc-reports@"
                + f.policyDomain()) : rua, r.failureReports().stream().map(ReportUri::published).toList(),
                r.dkimAlignment(), r.spfAlignment(), r.failureOptions());
        try {
            DmarcProposal proposal = generator.generate(c);
            List<String> notes = new ArrayList<>();
            if (!own) {
                notes.add("the policy applied to " + domain + " is inherited from " + f.policyDomain()
                        + ": the record belongs there (or publish one at _dmarc." + domain + ")");
            }
            if (rua.isEmpty()) {
                notes.add("added rua=mailto:dmarc-reports@" + f.policyDomain() + ": without reports you cannot see "
                        + "what enforcement would block");
            }
            return Optional.of(new Correction(proposal.record(), changes, notes));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
