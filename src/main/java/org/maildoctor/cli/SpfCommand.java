package org.maildoctor.cli;

import java.net.InetAddress;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.maildoctor.model.Severity;
import org.maildoctor.auth.spf.SpfEvaluation;
import org.maildoctor.auth.spf.SpfFinding;
import org.maildoctor.auth.spf.SpfIdentity;
import org.maildoctor.auth.spf.SpfLinter;
import org.maildoctor.auth.spf.SpfReport;
import org.maildoctor.auth.spf.SpfResult;
import org.maildoctor.auth.spf.SpfTree;
import org.maildoctor.auth.spf.SpfVerifier;
import org.maildoctor.dns.DnsNames;
import org.maildoctor.dns.Resolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code maildoctor spf check|show}: evaluate SPF for a client, or inspect a domain's SPF tree. JSON: docs/cli-spf.md. */
@Command(name = "spf",
        description = "SPF (RFC 7208): check a client against a sender's policy, or show a domain's include tree and problems.",
        subcommands = {SpfCommand.Check.class, SpfCommand.Show.class})
public final class SpfCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: check or show");
    }

    /** {@code spf check --ip IP --sender ADDR [--helo NAME]}. */
    @Command(name = "check",
            description = {
                "Evaluate SPF (check_host) for a client address and a sender, as a receiving server would.",
                "Exit 0 for pass; 1 for fail, softfail, neutral, none or permerror; 3 for temperror.",
            })
    public static final class Check extends BaseCommand {

        @Option(names = "--ip", required = true, paramLabel = "IP", description = "Client address (IPv4 or IPv6).")
        String ip;

        @Option(names = "--sender", paramLabel = "ADDR",
                description = "MAIL FROM address; empty (\"\") for the null sender <>. Without it, the HELO identity is checked.")
        String sender;

        @Option(names = "--helo", paramLabel = "NAME", description = "HELO/EHLO name (used by %%{h} and for null senders).")
        String helo;

        @Override
        protected int run() {
            InetAddress address = DnsNames.parseIpLiteral(ip)
                    .orElseThrow(() -> CliException.usage("--ip: '" + ip + "' is not an IPv4 or IPv6 address"));
            if (sender == null && helo == null) {
                throw CliException.usage("give --sender ADDR (MAIL FROM identity) or --helo NAME (HELO identity)");
            }
            Resolver resolver = Wiring.resolver(global);
            SpfVerifier verifier = SpfVerifier.using(resolver, Clock.systemUTC());
            SpfEvaluation e = sender != null
                    ? verifier.checkMailFrom(address, sender, helo == null ? "" : helo)
                    : verifier.checkHelo(address, helo);
            if (global.json) {
                output().json(toJson(address, e));
            } else {
                printText(address, e);
            }
            return exitCode(e.result());
        }

        static int exitCode(SpfResult result) {
            return switch (result) {
                case PASS -> ExitCode.OK;
                case TEMPERROR -> ExitCode.RUNTIME;
                case FAIL, SOFTFAIL, NEUTRAL, NONE, PERMERROR -> ExitCode.PROBLEMS;
            };
        }

        static Map<String, Object> toJson(InetAddress ip, SpfEvaluation e) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("result", e.result().keyword());
            m.put("mechanism", e.mechanism().orElse(null));
            m.put("matchedIn", e.matchedIn().orElse(null));
            m.put("explanation", e.explanation().orElse(null));
            m.put("reason", e.reason());
            m.put("identity", e.identity() == SpfIdentity.HELO ? "helo" : "mailfrom");
            m.put("ip", ip.getHostAddress());
            m.put("sender", e.sender());
            m.put("domain", e.domain());
            m.put("lookups", e.lookups());
            m.put("voidLookups", e.voidLookups());
            m.put("queries", e.queries().stream().map(q -> {
                Map<String, Object> qm = new LinkedHashMap<>();
                qm.put("name", q.name());
                qm.put("type", q.type().name());
                qm.put("outcome", q.outcome());
                return qm;
            }).toList());
            return m;
        }

        private void printText(InetAddress ip, SpfEvaluation e) {
            Output out = output();
            out.line(label("Result") + e.result().keyword());
            out.line(label("Identity") + (e.identity() == SpfIdentity.HELO ? "HELO " : "MAIL FROM ") + e.sender()
                    + " (domain " + e.domain() + ")");
            out.line(label("Client") + ip.getHostAddress());
            out.line(label("Mechanism") + e.mechanism().map(m -> m + e.matchedIn().map(d -> " (in " + d + ")").orElse(""))
                    .orElse("(none matched)"));
            out.line(label("Reason") + e.reason());
            e.explanation().ifPresent(x -> out.line(label("Explanation") + x));
            out.line(label("Lookups") + e.lookups() + " of 10 DNS-querying terms, " + e.voidLookups()
                    + " of 2 void lookups");
        }
    }

    /** {@code spf show DOMAIN}. */
    @Command(name = "show",
            description = {
                "Show a domain's SPF include tree with DNS lookups per node, and lint findings.",
                "Exit 0 when there are no warnings or errors, 1 with findings, 3 when DNS failed.",
            })
    public static final class Show extends BaseCommand {

        @Parameters(index = "0", paramLabel = "DOMAIN", description = "The domain whose SPF policy to inspect.")
        String domain;

        @Override
        protected int run() {
            try {
                DnsNames.normalize(domain);
            } catch (IllegalArgumentException e) {
                throw CliException.usage(e.getMessage());
            }
            SpfReport report = SpfLinter.using(Wiring.resolver(global)).inspect(domain);
            if (global.json) {
                output().json(toJson(report));
            } else {
                printText(report);
            }
            if (report.tree().anyDnsFailure()) {
                return ExitCode.RUNTIME;
            }
            return report.atLeast(Severity.WARNING).isEmpty() ? ExitCode.OK : ExitCode.PROBLEMS;
        }

        static Map<String, Object> toJson(SpfReport r) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("domain", r.domain());
            m.put("lookups", r.totalLookups());
            m.put("voidLookups", r.voidLookups());
            m.put("tree", node(r.tree()));
            m.put("findings", r.findings().stream().map(Show::finding).toList());
            m.put("notChecked", r.notChecked());
            return m;
        }

        private static Map<String, Object> node(SpfTree t) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("domain", t.domain());
            m.put("via", t.via());
            m.put("status", t.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            m.put("record", t.record().orElse(null));
            m.put("lookups", t.ownLookups());
            m.put("cumulativeLookups", t.cumulativeLookups());
            m.put("findings", t.findings().stream().map(Show::finding).toList());
            m.put("children", t.children().stream().map(Show::node).toList());
            return m;
        }

        private static Map<String, Object> finding(SpfFinding f) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", f.id());
            m.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
            m.put("domain", f.domain());
            m.put("explanation", f.explanation());
            m.put("fix", f.fix());
            return m;
        }

        private void printText(SpfReport r) {
            Output out = output();
            printNode(out, r.tree(), "");
            out.line("");
            out.line("Total: " + r.totalLookups() + " of 10 DNS lookups, " + r.voidLookups() + " of 2 void lookups");
            List<SpfFinding> findings = r.findings();
            out.line("");
            if (findings.isEmpty()) {
                out.line("No problems found.");
            } else {
                out.line("Findings:");
                int idWidth = findings.stream().mapToInt(f -> f.id().length()).max().orElse(0);
                for (SpfFinding f : findings) {
                    out.line(String.format(Locale.ROOT, "  %-7s  %-" + idWidth + "s  %s",
                            f.severity().name().toLowerCase(Locale.ROOT), f.id(), f.explanation()));
                    out.line(String.format(Locale.ROOT, "  %-7s  %-" + idWidth + "s  fix: %s", "", "", f.fix()));
                }
            }
            r.notChecked().forEach(n -> out.line("Not checked: " + n));
        }

        private static void printNode(Output out, SpfTree t, String indent) {
            String head = t.via().equals("root") ? t.domain() : t.via();
            String counts = t.status() == SpfTree.Status.OK
                    ? "  [" + t.ownLookups() + " lookup" + (t.ownLookups() == 1 ? "" : "s") + ", "
                            + t.cumulativeLookups() + " with includes]"
                    : "  [" + t.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + "]";
            out.line(indent + head + counts);
            t.record().ifPresent(rec -> out.line(indent + "    " + rec));
            for (SpfTree c : t.children()) {
                printNode(out, c, indent + "  ");
            }
        }
    }

    private static String label(String name) {
        return String.format(Locale.ROOT, "%-13s", name + ":");
    }
}
