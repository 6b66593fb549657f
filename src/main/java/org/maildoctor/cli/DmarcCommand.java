package org.maildoctor.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.maildoctor.auth.dmarc.DmarcCheckReport;
import org.maildoctor.auth.dmarc.DmarcChecker;
import org.maildoctor.auth.dmarc.DmarcFinding;
import org.maildoctor.auth.dmarc.DmarcRecord;
import org.maildoctor.auth.dmarc.FailureOption;
import org.maildoctor.auth.dmarc.OrganizationalDomain;
import org.maildoctor.auth.dmarc.PolicyDiscovery;
import org.maildoctor.auth.dmarc.ReportDestination;
import org.maildoctor.auth.dmarc.ReportUri;
import org.maildoctor.auth.dmarc.WalkStep;
import org.maildoctor.dns.DnsNameException;
import org.maildoctor.dns.DnsNames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code maildoctor dmarc check DOMAIN}: DMARC tools; JSON schema in docs/cli-dmarc.md.
 *
 * <p>The action is a positional enum rather than a picocli subcommand so that the global options work
 * in any position, as on every other command ({@code maildoctor dmarc --json check x} and
 * {@code maildoctor dmarc check x --json} both work).
 */
@Command(name = "dmarc",
        description = {
            "DMARC (RFC 9989 first, RFC 7489 compatible).",
            "check DOMAIN: find and lint the DMARC policy of DOMAIN: the record, its tags, the organizational",
            "domain (RFC 9989 DNS tree walk and RFC 7489 Public Suffix List), findings with fixes, and whether",
            "external report destinations authorize the domain.",
            "Exit 0 no warnings, 1 warnings/errors/no record, 3 DNS failure.",
        })
public final class DmarcCommand extends BaseCommand {

    /** What to do; one action so far. */
    public enum Action {
        check
    }

    @Parameters(index = "0", paramLabel = "ACTION", description = "check")
    Action action;

    @Parameters(index = "1", paramLabel = "DOMAIN", description = "The domain mail is sent from (the From domain).")
    String domain;

    @Override
    protected int run() {
        String name;
        try {
            name = DnsNames.normalize(domain);
        } catch (DnsNameException e) {
            throw CliException.usage(e.getMessage());
        }
        if (name.equals(".")) {
            throw CliException.usage("the root has no DMARC record; give a domain");
        }
        DmarcCheckReport report = new DmarcChecker(Wiring.resolver(global)).check(name).join();
        Output out = output();
        if (global.json) {
            out.json(document(report));
        } else {
            printText(out, report);
        }
        return switch (report.outcome()) {
            case PASS -> ExitCode.OK;
            case WARN, FAIL -> ExitCode.PROBLEMS;
            case TEMPERROR -> throw CliException.runtime(((PolicyDiscovery.TempError) report.discovery())
                    .failure().describe());
        };
    }

    static Map<String, Object> document(DmarcCheckReport r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("domain", r.domain());
        doc.put("outcome", r.outcome().token());
        PolicyDiscovery d = r.discovery();
        PolicyDiscovery.Found f = d instanceof PolicyDiscovery.Found found ? found : null;
        doc.put("record", f == null ? null : f.record().text());
        doc.put("policyDomain", f == null ? null : f.policyDomain());
        doc.put("policySource", f == null ? null : f.source().token());
        doc.put("policy", f == null ? null : f.applicablePolicy().token());
        doc.put("subdomainPolicy", f == null ? null : f.record().effectiveSubdomainPolicy().token());
        doc.put("nonExistentPolicy", f == null ? null : f.record().effectiveNonExistentPolicy().token());
        doc.put("tags", f == null ? null : tags(f.record()));
        Map<String, Object> org = new LinkedHashMap<>();
        org.put("treeWalk", r.organizationalDomain().domain());
        org.put("treeWalkStatus", r.organizationalDomain() instanceof OrganizationalDomain.Determined
                ? "determined" : "indeterminate");
        org.put("treeWalkRule", r.organizationalDomain().rule().name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', '-'));
        org.put("publicSuffixList", r.pslOrganizationalDomain().orElse(null));
        org.put("methodsAgree", r.pslOrganizationalDomain().filter(r.organizationalDomain().domain()::equals)
                .isPresent());
        doc.put("organizationalDomain", org);
        doc.put("findings", r.findings().stream().map(DmarcCommand::finding).toList());
        doc.put("reportDestinations", r.reportDestinations().stream().map(DmarcCommand::destination).toList());
        doc.put("treeWalk", d.walk().steps().stream().map(DmarcCommand::step).toList());
        doc.put("detail", d instanceof PolicyDiscovery.TempError t ? t.failure().describe() : null);
        return doc;
    }

    private static Map<String, Object> tags(DmarcRecord rec) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("p", rec.requestedPolicy().map(p -> p.token()).orElse(null));
        t.put("sp", rec.subdomainPolicy().map(p -> p.token()).orElse(null));
        t.put("np", rec.nonExistentPolicy().map(p -> p.token()).orElse(null));
        t.put("adkim", rec.dkimAlignment().token());
        t.put("aspf", rec.spfAlignment().token());
        t.put("rua", rec.aggregateReports().stream().map(ReportUri::published).toList());
        t.put("ruf", rec.failureReports().stream().map(ReportUri::published).toList());
        t.put("fo", rec.failureOptions().stream().map(FailureOption::token).sorted().toList());
        t.put("t", rec.testing().token());
        t.put("psd", rec.psd().token());
        t.put("deprecated", rec.deprecatedTags());
        t.put("unknown", rec.unknownTags());
        return t;
    }

    private static Map<String, Object> finding(DmarcFinding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id().id());
        m.put("severity", f.severity().token());
        m.put("explanation", f.explanation());
        m.put("fix", f.fix().orElse(null));
        return m;
    }

    private static Map<String, Object> destination(ReportDestination r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tag", r.kind().tag());
        m.put("uri", r.uri().published());
        m.put("destinationDomain", r.destinationDomain().orElse(null));
        m.put("status", r.status().token());
        m.put("queryName", r.queryName().orElse(null));
        m.put("explanation", r.explanation());
        return m;
    }

    private static Map<String, Object> step(WalkStep s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("query", s.queryName());
        switch (s) {
            case WalkStep.RecordFound f -> {
                m.put("outcome", "record");
                m.put("record", f.record().text());
            }
            case WalkStep.NoRecord n -> {
                m.put("outcome", n.dnsOutcome().equals("answer") ? "no-dmarc-record" : n.dnsOutcome());
                m.put("record", null);
            }
            case WalkStep.Failed x -> {
                m.put("outcome", x.failure().outcome());
                m.put("record", null);
            }
        }
        return m;
    }

    private static void printText(Output out, DmarcCheckReport r) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Domain", r.domain()});
        PolicyDiscovery d = r.discovery();
        if (d instanceof PolicyDiscovery.Found f) {
            rows.add(new String[] {"Record", "_dmarc." + f.policyDomain() + "  \"" + f.record().text() + "\""});
            rows.add(new String[] {"Policy", f.applicablePolicy().token() + "  (" + f.source().token().replace('-', ' ')
                    + " " + f.policyDomain() + ")"});
            DmarcRecord rec = f.record();
            rows.add(new String[] {"Tags", "p=" + rec.policy().token() + " sp=" + rec.effectiveSubdomainPolicy().token()
                    + " np=" + rec.effectiveNonExistentPolicy().token() + " adkim=" + rec.dkimAlignment().token()
                    + " aspf=" + rec.spfAlignment().token() + " t=" + rec.testing().token() + " psd="
                    + rec.psd().token() + " fo=" + rec.failureOptions().stream().map(FailureOption::token).sorted()
                    .collect(Collectors.joining(":"))
                    + (rec.deprecatedTags().isEmpty() ? "" : " deprecated: " + rec.deprecatedTags())});
        } else {
            rows.add(new String[] {"Record", switch (d) {
                case PolicyDiscovery.TempError t -> "unknown: " + t.failure().describe();
                case PolicyDiscovery.Unusable u -> "unusable (see findings)";
                default -> "none";
            }});
        }
        OrganizationalDomain org = r.organizationalDomain();
        rows.add(new String[] {"Org domain", org.domain() + " (RFC 9989 tree walk"
                + (org instanceof OrganizationalDomain.Indeterminate ? ", provisional" : "") + "); "
                + r.pslOrganizationalDomain().orElse("none") + " (RFC 7489 PSL)"});
        rows.add(new String[] {"Tree walk", d.walk().steps().stream().map(s -> s.queryName() + " " + switch (s) {
            case WalkStep.RecordFound x -> "record";
            case WalkStep.NoRecord n -> n.dnsOutcome().equals("answer") ? "no-dmarc-record" : n.dnsOutcome();
            case WalkStep.Failed x -> x.failure().outcome();
        }).collect(Collectors.joining(", "))});
        for (ReportDestination rd : r.reportDestinations()) {
            rows.add(new String[] {"Report " + rd.kind().tag(), rd.uri().published() + "  " + rd.status().token()});
        }
        int w = rows.stream().mapToInt(a -> a[0].length()).max().orElse(0);
        rows.forEach(a -> out.line(String.format("%-" + w + "s  %s", a[0], a[1])));
        if (!r.findings().isEmpty()) {
            out.line("");
            out.line("Findings:");
            for (DmarcFinding f : r.findings()) {
                out.line(String.format("  %-7s %s  %s", f.severity().token(), f.id().id(), f.explanation()));
                f.fix().ifPresent(fix -> out.line("          fix: " + fix));
            }
        }
        out.line("");
        out.line("Outcome: " + r.outcome().token());
    }
}
