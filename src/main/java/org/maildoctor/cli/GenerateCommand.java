package org.maildoctor.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.maildoctor.auth.dkim.DkimAlgorithm;
import org.maildoctor.auth.dkim.GeneratedDkimKey;
import org.maildoctor.generate.DkimGenerator;
import org.maildoctor.generate.DmarcGenerator;
import org.maildoctor.generate.DmarcProposal;
import org.maildoctor.generate.Flattening;
import org.maildoctor.generate.GeneratorInput;
import org.maildoctor.generate.MtaStsGenerator;
import org.maildoctor.generate.MtaStsProposal;
import org.maildoctor.generate.RolloutStage;
import org.maildoctor.generate.SpfGenerator;
import org.maildoctor.generate.SpfProposal;
import org.maildoctor.generate.SpfProvider;
import org.maildoctor.generate.TxtRecord;
import org.maildoctor.report.GeneratedJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code maildoctor generate spf|dmarc|dkim|mta-sts …}: records to publish, built from choices. */
@Command(name = "generate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Generate SPF, DMARC, DKIM and MTA-STS/TLS-RPT records to publish.",
        subcommands = {GenerateCommand.Spf.class, GenerateCommand.Dmarc.class, GenerateCommand.Dkim.class,
            GenerateCommand.MtaSts.class})
public final class GenerateCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: spf, dmarc, dkim or mta-sts");
    }

    static void printTxt(Output out, TxtRecord t) {
        out.line("  " + t.zoneFileLine());
    }

    static CliException usage(IllegalArgumentException e) {
        return CliException.usage(e.getMessage());
    }

    @Command(name = "spf", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Build an SPF record from providers, addresses and the final qualifier; count its DNS "
                    + "lookups over the include tree (as 'spf show' will) and, over 10, propose includes to flatten.",
                "Exit 0 within 10 lookups, 1 over."})
    static final class Spf extends BaseCommand {
        @Option(names = "--domain", required = true, paramLabel = "D")
        String domain;

        @Option(names = "--provider", paramLabel = "P", description = "A sending service (repeatable): ${COMPLETION-CANDIDATES}",
                completionCandidates = ProviderIds.class)
        List<String> providers = new ArrayList<>();

        @Option(names = "--include", paramLabel = "DOMAIN", description = "Another domain to include (repeatable).")
        List<String> includes = new ArrayList<>();

        @Option(names = "--ip4", paramLabel = "ADDR[/N]", description = "An IPv4 address or range (repeatable).")
        List<String> ip4 = new ArrayList<>();

        @Option(names = "--ip6", paramLabel = "ADDR[/N]", description = "An IPv6 address or range (repeatable).")
        List<String> ip6 = new ArrayList<>();

        @Option(names = "--a", description = "Authorise the domain's own A/AAAA addresses.")
        boolean a;

        @Option(names = "--mx", description = "Authorise the domain's MX hosts.")
        boolean mx;

        @Option(names = "--all", paramLabel = "fail|softfail", defaultValue = "fail",
                description = "Qualifier of the final all: fail (-all, default) or softfail (~all).")
        String all;

        @Override
        protected int run() {
            SpfProposal p;
            try {
                p = new SpfGenerator(Wiring.resolver(global)).propose(GeneratorInput.spf(domain, providers, includes,
                        ip4, ip6, a, mx, all)).join();
            } catch (IllegalArgumentException e) {
                throw usage(e);
            }
            Output out = output();
            if (global.json) {
                out.json(GeneratedJson.spf(p));
            } else {
                out.line("SPF record for " + p.domain() + " (" + p.lookups() + " of 10 DNS lookups):");
                printTxt(out, p.record());
                p.findings().forEach(f -> out.line("  " + f.severity().name().toLowerCase() + " " + f.id() + ": "
                        + f.explanation()));
                p.notes().forEach(n -> out.line("  note: " + n));
                p.flattening().ifPresent(f -> flattening(out, f));
            }
            return p.withinLimit() ? ExitCode.OK : ExitCode.PROBLEMS;
        }

        private static void flattening(Output out, Flattening f) {
            out.line("");
            out.line("Over the limit. Flattening " + String.join(", ", f.flattened()) + " into "
                    + f.ranges().size() + " ranges gives " + f.lookupsAfter() + " lookups:");
            printTxt(out, f.record());
            f.notFlattened().forEach(n -> out.line("  not flattened: " + n));
            out.line("  caveat: " + f.caveat());
        }
    }

    /** Provider ids for help and shell completion. */
    static final class ProviderIds extends ArrayList<String> {
        ProviderIds() {
            for (SpfProvider p : SpfProvider.values()) {
                add(p.id());
            }
        }
    }

    @Command(name = "dmarc", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Build a DMARC record, the staged rollout that reaches it, and the records other domains "
                    + "publish to receive its reports.")
    static final class Dmarc extends BaseCommand {
        @Option(names = "--domain", required = true, paramLabel = "D")
        String domain;

        @Option(names = {"--policy", "-p"}, paramLabel = "none|quarantine|reject", defaultValue = "none")
        String policy;

        @Option(names = "--sp", paramLabel = "POLICY", description = "Policy for subdomains.")
        String sp;

        @Option(names = "--np", paramLabel = "POLICY", description = "Policy for non-existent subdomains.")
        String np;

        @Option(names = "--pct", paramLabel = "N", description = "Percentage (RFC 7489; deprecated by RFC 9989).")
        String pct;

        @Option(names = "--rua", paramLabel = "ADDR", description = "Aggregate report address (repeatable).")
        List<String> rua = new ArrayList<>();

        @Option(names = "--ruf", paramLabel = "ADDR", description = "Failure report address (repeatable).")
        List<String> ruf = new ArrayList<>();

        @Option(names = "--adkim", paramLabel = "r|s")
        String adkim;

        @Option(names = "--aspf", paramLabel = "r|s")
        String aspf;

        @Option(names = "--fo", paramLabel = "0|1|d|s", description = "Failure reporting option (repeatable).")
        List<String> fo = new ArrayList<>();

        @Override
        protected int run() {
            DmarcProposal p;
            try {
                p = new DmarcGenerator().generate(GeneratorInput.dmarc(domain, policy, sp, np, pct, rua, ruf, adkim,
                        aspf, fo));
            } catch (IllegalArgumentException e) {
                throw usage(e);
            }
            Output out = output();
            if (global.json) {
                out.json(GeneratedJson.dmarc(p));
                return ExitCode.OK;
            }
            out.line("DMARC record for " + p.domain() + ":");
            printTxt(out, p.record());
            p.warnings().forEach(w -> out.line("  warning: " + w));
            if (!p.externalDestinations().isEmpty()) {
                out.line("");
                out.line("Reports go to other domains; each must publish:");
                p.externalDestinations().forEach(t -> printTxt(out, t));
            }
            out.line("");
            out.line("Rollout:");
            for (RolloutStage s : p.rollout()) {
                out.line("  " + s.step() + ". " + s.record());
                out.line("     for " + s.duration() + "; move on when " + s.moveOnWhen());
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "dkim", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Generate a DKIM key pair: writes the private key (mode 0600), prints the TXT record in "
                    + "255-octet strings.")
    static final class Dkim extends BaseCommand {
        @Option(names = "--domain", required = true, paramLabel = "D")
        String domain;

        @Option(names = "--selector", required = true, paramLabel = "S")
        String selector;

        @Option(names = "--type", paramLabel = "rsa|ed25519", defaultValue = "rsa")
        String type;

        @Option(names = "--out", paramLabel = "DIR", defaultValue = ".",
                description = "Directory for the private key file (default: current directory).")
        Path outDir;

        @Override
        protected int run() {
            DkimAlgorithm.KeyType keyType = DkimAlgorithm.KeyType.fromTag(type)
                    .orElseThrow(() -> CliException.usage("--type must be rsa or ed25519, not '" + type + "'"));
            GeneratedDkimKey key;
            try {
                key = new DkimGenerator().generate(domain, selector, keyType);
            } catch (IllegalArgumentException e) {
                throw usage(e);
            }
            Path file = outDir.resolve(key.selector() + "." + key.domain() + ".private.pem");
            DkimCommand.writePrivate(file, key.privateKeyPem());
            Output out = output();
            if (global.json) {
                Map<String, Object> doc = GeneratedJson.dkim(key);
                doc.put("privateKeyFile", file.toString());
                out.json(doc);
            } else {
                out.line("Private key written to " + file + " (mode 0600; keep it secret).");
                out.line("Publish at " + key.dnsName() + ":");
                printTxt(out, DkimGenerator.txt(key));
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "mta-sts", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Generate the MTA-STS policy file, the _mta-sts TXT record with a fresh id and the TLS-RPT record.")
    static final class MtaSts extends BaseCommand {
        @Option(names = "--domain", required = true, paramLabel = "D")
        String domain;

        @Option(names = "--mx", paramLabel = "HOST", description = "MX host or pattern such as *.example.org (repeatable).")
        List<String> mx = new ArrayList<>();

        @Option(names = "--mode", paramLabel = "enforce|testing|none", defaultValue = "testing",
                description = "Policy mode (default: testing; switch to enforce once TLS reports are clean).")
        String mode;

        @Option(names = "--max-age", paramLabel = "SECONDS", defaultValue = "604800")
        String maxAge;

        @Option(names = "--tls-rpt", paramLabel = "ADDR|URL", description = "Where TLS reports go (repeatable).")
        List<String> rua = new ArrayList<>();

        @Override
        protected int run() {
            MtaStsProposal p;
            try {
                p = new MtaStsGenerator(Clock.systemUTC()).generate(GeneratorInput.mtaSts(domain, mode, mx, maxAge, rua));
            } catch (IllegalArgumentException e) {
                throw usage(e);
            }
            Output out = output();
            if (global.json) {
                out.json(GeneratedJson.mtaSts(p));
                return ExitCode.OK;
            }
            out.line("Serve this file at " + p.policyUrl() + " (text/plain, valid HTTPS certificate):");
            out.line("");
            p.policyFile().lines().forEach(l -> out.line("  " + l));
            out.line("");
            out.line("Then publish (a new id each time the policy changes):");
            printTxt(out, p.stsRecord());
            p.tlsRptRecord().ifPresent(t -> printTxt(out, t));
            return ExitCode.OK;
        }
    }
}
