package org.maildoctor.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.maildoctor.audit.AddressPolicy;
import org.maildoctor.audit.AuditCheck;
import org.maildoctor.audit.AuditReport;
import org.maildoctor.audit.AuditRequest;
import org.maildoctor.audit.Audits;
import org.maildoctor.audit.CheckStatus;
import org.maildoctor.audit.DomainAudit;
import org.maildoctor.dns.Resolver;
import org.maildoctor.report.AuditReportJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code maildoctor domain audit DOMAIN [--ip IP]… [--selector S]…}. */
@Command(name = "domain", description = "Check a sending domain's setup.",
        subcommands = {DomainCommand.Audit.class})
public final class DomainCommand {

    @Command(name = "audit", description = "Graded checklist of the domain's mail setup (SPF, DKIM, DMARC, MX, reverse DNS, MTA-STS, TLS-RPT, BIMI, DANE; STARTTLS with --smtp) with fixes.")
    public static final class Audit extends BaseCommand {
        @Parameters(index = "0", paramLabel = "DOMAIN", description = "The domain that sends mail.")
        String domain;

        @Option(names = "--ip", paramLabel = "IP", description = "A sending IP address (repeatable): reverse DNS, blocklists.")
        List<String> ips = new ArrayList<>();

        @Option(names = "--selector", paramLabel = "S", description = "A DKIM selector to check besides the common ones (repeatable).")
        List<String> selectors = new ArrayList<>();

        @Mixin
        BlocklistOptions blocklistOptions;

        @Option(names = "--smtp", description = "Also connect to each MX on port 25: banner, EHLO extensions, "
                + "STARTTLS, TLS version, cipher, certificate chain, name and expiry.")
        boolean smtp;

        @Option(names = "--ca-file", paramLabel = "PEM", description = "Trust only the CA certificates in this PEM "
                + "file for HTTPS (MTA-STS, BIMI) and the STARTTLS chain check, instead of the JDK's roots.")
        Path caFile;

        /** Real MTA-STS and BIMI use 443; tests point this at the loopback harness's HTTPS server. */
        @Option(names = "--https-port", hidden = true, defaultValue = "443")
        int httpsPort;

        /** Real MX hosts listen on 25; tests point this at the harness Postfix. */
        @Option(names = "--smtp-port", hidden = true, defaultValue = "25")
        int smtpPort;

        @Override
        protected int run() {
            AuditRequest request = request();
            Resolver resolver = Wiring.resolver(global);
            DomainAudit audit = Audits.standard(resolver, global.allowPrivate ? AddressPolicy.ALLOW_PRIVATE
                    : AddressPolicy.PUBLIC_ONLY, Wiring.transportProbes(global, caFile, httpsPort, smtp, smtpPort),
                    BlocklistWiring.checker(global, blocklistOptions, resolver));
            AuditReport report = audit.audit(request).join();
            if (global.json) {
                output().json(AuditReportJson.toMap(report, audit.sectionOrder()));
            } else {
                print(report, audit.sectionOrder());
            }
            CheckStatus worst = report.worst();
            return switch (worst) {
                case PASS -> ExitCode.OK;
                case WARN, FAIL -> ExitCode.PROBLEMS;
                case UNKNOWN -> ExitCode.RUNTIME;
            };
        }

        private AuditRequest request() {
            try {
                return AuditRequest.parse(domain, ips, selectors);
            } catch (IllegalArgumentException e) {
                throw CliException.usage(e.getMessage());
            }
        }

        private void print(AuditReport report, List<String> order) {
            Output out = output();
            out.line("Domain audit of " + report.domain() + ": grade " + report.grade().letter()
                    + " (" + report.grade().score() + "/100)");
            for (String section : order) {
                List<AuditCheck> checks = report.section(section);
                if (checks.isEmpty()) {
                    continue;
                }
                out.line("");
                out.line(section + (report.graded(section) ? "" : " (checklist; not graded)"));
                for (AuditCheck c : checks) {
                    out.line(String.format(Locale.ROOT, "  %-7s %-26s %s", c.status().code().toUpperCase(Locale.ROOT),
                            c.id(), c.explanation()));
                    c.fix().ifPresent(f -> out.line(String.format(Locale.ROOT, "  %-7s %-26s fix: %s", "", "", f)));
                }
            }
            if (!report.publish().isEmpty()) {
                out.line("");
                out.line("Records to publish");
                for (var r : report.publish()) {
                    out.line("  " + r.section() + ": " + r.why());
                    out.line("    " + r.zoneFileLine());
                    r.notes().forEach(n -> out.line("    note: " + n));
                }
            }
        }
    }
}
