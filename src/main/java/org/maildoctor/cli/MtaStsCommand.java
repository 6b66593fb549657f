package org.maildoctor.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.maildoctor.audit.AddressPolicy;
import org.maildoctor.audit.AuditCheck;
import org.maildoctor.audit.AuditReport;
import org.maildoctor.audit.AuditRequest;
import org.maildoctor.audit.CheckStatus;
import org.maildoctor.audit.DomainAudit;
import org.maildoctor.audit.MtaStsSection;
import org.maildoctor.audit.TlsRptSection;
import org.maildoctor.audit.TransportProbes;
import org.maildoctor.dns.Resolver;
import org.maildoctor.report.AuditReportJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code maildoctor mta-sts check DOMAIN}: the MTA-STS and TLS-RPT checks of the domain audit, alone. */
@Command(name = "mta-sts", description = "MTA-STS (RFC 8461) and TLS-RPT (RFC 8460) of a receiving domain.",
        subcommands = {MtaStsCommand.Check.class})
public final class MtaStsCommand {

    @Command(name = "check", description = "Check the _mta-sts record, fetch and validate the policy over HTTPS, "
            + "match it against the MX hosts, and check the _smtp._tls (TLS-RPT) record.")
    public static final class Check extends BaseCommand {
        @Parameters(index = "0", paramLabel = "DOMAIN", description = "The domain that receives mail.")
        String domain;

        @Option(names = "--ca-file", paramLabel = "PEM", description = "Trust only the CA certificates in this PEM "
                + "file for the policy fetch, instead of the JDK's roots.")
        Path caFile;

        /** Real MTA-STS uses 443; tests point this at the loopback harness's HTTPS server. */
        @Option(names = "--https-port", hidden = true, defaultValue = "443")
        int httpsPort;

        @Override
        protected int run() {
            AuditRequest request;
            try {
                request = AuditRequest.parse(domain, List.of(), List.of());
            } catch (IllegalArgumentException e) {
                throw CliException.usage(e.getMessage());
            }
            Resolver resolver = Wiring.resolver(global);
            AddressPolicy policy = global.allowPrivate ? AddressPolicy.ALLOW_PRIVATE : AddressPolicy.PUBLIC_ONLY;
            TransportProbes probes = Wiring.transportProbes(global, caFile, httpsPort, false, 25);
            DomainAudit audit = new DomainAudit(List.of(new MtaStsSection(resolver, policy, probes.https(), httpsPort),
                    new TlsRptSection(resolver)));
            AuditReport report = audit.audit(request).join();
            if (global.json) {
                output().json(AuditReportJson.toMap(report, audit.sectionOrder()));
            } else {
                Output out = output();
                out.line("MTA-STS and TLS-RPT of " + report.domain());
                for (AuditCheck c : report.checks(audit.sectionOrder())) {
                    out.line(String.format(Locale.ROOT, "  %-7s %-14s %s", c.status().code().toUpperCase(Locale.ROOT),
                            c.id(), c.explanation()));
                    c.fix().ifPresent(f -> out.line(String.format(Locale.ROOT, "  %-7s %-14s fix: %s", "", "", f)));
                }
            }
            CheckStatus worst = report.worst();
            return switch (worst) {
                case PASS -> ExitCode.OK;
                case WARN, FAIL -> ExitCode.PROBLEMS;
                case UNKNOWN -> ExitCode.RUNTIME;
            };
        }
    }
}
