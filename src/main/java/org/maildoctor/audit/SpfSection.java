package org.maildoctor.audit;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.maildoctor.model.Severity;
import org.maildoctor.auth.spf.SpfCheck;
import org.maildoctor.auth.spf.SpfFinding;
import org.maildoctor.auth.spf.SpfLinter;
import org.maildoctor.auth.spf.SpfReport;
import org.maildoctor.auth.spf.SpfTree;
import org.maildoctor.dns.Resolver;
import org.maildoctor.generate.Correction;
import org.maildoctor.generate.SpfCorrector;

/**
 * The SPF section: {@code spf.record} (one valid record), {@code spf.lookups} (within RFC 7208's
 * 10), and the linter's warnings and errors under their own ids, one check per id.
 */
public record SpfSection(Resolver resolver, AddressPolicy policy) implements AuditSection {
    /** The linter blocks on its lookups; a virtual thread per audit keeps the other sections running. */
    private static final ExecutorService WALKERS = Executors.newVirtualThreadPerTaskExecutor();
    private static final FindingChecks<SpfFinding> FINDINGS = new FindingChecks<>(SpfFinding::id,
            SpfFinding::severity, SpfFinding::explanation, SpfFinding::fix);

    @Override
    public String name() {
        return "SPF";
    }

    @Override
    public CompletableFuture<List<AuditCheck>> run(AuditRequest request) {
        return runWithRecords(request).thenApply(SectionResult::checks);
    }

    /** The checks, and the corrected record ({@link SpfCorrector}) when something is wrong. */
    @Override
    public CompletableFuture<SectionResult> runWithRecords(AuditRequest request) {
        return CompletableFuture.supplyAsync(() -> {
            SpfReport report = SpfLinter.using(resolver).inspect(request.domain());
            List<RecordToPublish> publish = new SpfCorrector(resolver).correct(report, request.ips())
                    .map(c -> List.of(publish(name(), c))).orElse(List.of());
            return new SectionResult(checks(request, report, policy), publish);
        }, WALKERS);
    }

    static RecordToPublish publish(String section, Correction c) {
        return new RecordToPublish(section, c.record().name(), c.record().value(), c.record().strings(),
                String.join("; ", c.changes()), c.notes());
    }

    static List<AuditCheck> checks(AuditRequest request, SpfReport report, AddressPolicy policy) {
        List<AuditCheck> checks = new ArrayList<>();
        SpfTree root = report.tree();
        List<String> evidence = root.record().map(r -> List.of(request.domain() + " TXT \"" + r + "\"")).orElse(List.of());
        checks.add(switch (root.status()) {
            case OK -> AuditCheck.pass("spf.record", request.domain() + " publishes one valid SPF record", evidence);
            case NO_RECORD -> AuditCheck.fail("spf.record", request.domain() + " publishes no SPF record; Gmail, "
                    + "Yahoo and Microsoft require SPF or DKIM for all senders and both for bulk senders",
                    "Publish a TXT record at " + request.domain() + ": " + suggested(request), evidence);
            case DNS_FAILURE -> AuditCheck.unknown("spf.record", "could not look up the SPF record of "
                    + request.domain() + ": " + explanation(report, SpfCheck.DNS_FAILURE), evidence);
            default -> AuditCheck.fail("spf.record", "the SPF record of " + request.domain() + " is unusable: "
                    + "receivers return permerror and treat the mail as unauthenticated (details below)",
                    "Fix the findings below so that exactly one valid SPF record remains", evidence);
        });
        boolean lookupFinding = report.findings().stream().anyMatch(f -> f.check() == SpfCheck.LOOKUPS);
        if (root.status() == SpfTree.Status.OK && !lookupFinding) {
            checks.add(AuditCheck.pass("spf.lookups", "evaluating the record takes " + report.totalLookups()
                    + " of the 10 DNS lookups RFC 7208 §4.6.4 allows", evidence));
        }
        List<SpfFinding> shown = report.findings().stream().filter(f -> !(f.check() == SpfCheck.NO_RECORD
                || f.check() == SpfCheck.DNS_FAILURE && root.status() == SpfTree.Status.DNS_FAILURE
                || f.check() == SpfCheck.PRIVATE_IP && policy.allowPrivate())).toList();
        checks.addAll(FINDINGS.checks(shown, FindingChecks.Grouping.BY_ID, evidence));
        return List.copyOf(checks);
    }

    /** A starting record: the domain's MX hosts and the sending IPs given, then a hard fail. */
    static String suggested(AuditRequest request) {
        StringBuilder sb = new StringBuilder("v=spf1 mx");
        for (InetAddress ip : request.ips()) {
            sb.append(ip instanceof Inet4Address ? " ip4:" : " ip6:").append(ip.getHostAddress());
        }
        return sb.append(" -all").toString();
    }

    private static String explanation(SpfReport report, SpfCheck check) {
        return report.findings().stream().filter(f -> f.check() == check).map(SpfFinding::explanation)
                .findFirst().orElse("no answer");
    }
}
