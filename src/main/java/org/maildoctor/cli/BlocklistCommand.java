package org.maildoctor.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.maildoctor.blocklist.Blocklist;
import org.maildoctor.blocklist.BlocklistChecker;
import org.maildoctor.blocklist.BlocklistReport;
import org.maildoctor.blocklist.ListResult;
import org.maildoctor.blocklist.Target;
import org.maildoctor.blocklist.Verdict;
import org.maildoctor.report.BlocklistReportJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code maildoctor blocklist IP|DOMAIN [--list ID]…}: one target against the DNS blocklist catalogue. */
@Command(name = "blocklist",
        description = {
            "Check an IPv4/IPv6 address or a domain against DNS blocklists (Spamhaus ZEN/DBL, Barracuda, SpamCop, ...).",
            "Each list: listed (with its return codes, reason and delisting link), not listed, or unknown with the",
            "cause (query refused, timeout, dead list). Exit 0 not listed, 1 listed, 3 some list could not tell.",
        })
public final class BlocklistCommand extends BaseCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "IP|DOMAIN", description = "What to look up.")
    String target;

    @Option(names = "--list", paramLabel = "ID", split = ",",
            description = "Only these lists (repeatable or comma-separated); disabled lists too. See --catalogue.")
    List<String> lists = new ArrayList<>();

    @Option(names = "--catalogue", description = "Print the lists (after --blocklists overrides) instead of checking.")
    boolean catalogue;

    @Mixin
    BlocklistOptions blocklistOptions;

    @Override
    protected int run() {
        if (catalogue) {
            return printCatalogue();
        }
        if (target == null) {
            throw CliException.usage("give an IP address or a domain (or --catalogue)");
        }
        Target t;
        try {
            t = Target.parse(target);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        BlocklistChecker checker = BlocklistWiring.checker(global, blocklistOptions, Wiring.resolver(global));
        BlocklistReport report;
        try {
            report = checker.check(t, lists).join();
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--list: " + e.getMessage());
        }
        if (global.json) {
            output().json(BlocklistReportJson.toMap(report));
        } else {
            print(report);
        }
        return switch (report.overall()) {
            case LISTED -> ExitCode.PROBLEMS;
            case UNKNOWN -> ExitCode.RUNTIME;
            case NOT_LISTED -> ExitCode.OK;
        };
    }

    private int printCatalogue() {
        List<Blocklist> all = BlocklistWiring.catalogue(blocklistOptions.file).lists();
        Output out = output();
        if (global.json) {
            out.json(BlocklistReportJson.catalogue(all));
            return ExitCode.OK;
        }
        for (Blocklist l : all) {
            out.line(String.format(Locale.ROOT, "%-18s %-6s %-8s %-28s %s%s", l.id(), l.kind().code(),
                    l.enabled() ? "enabled" : "disabled", l.zone(), l.name(),
                    l.verified() ? "" : " (codes unverified)"));
        }
        return ExitCode.OK;
    }

    private void print(BlocklistReport report) {
        Output out = output();
        out.line(String.format(Locale.ROOT, "%s: %s (%d listed, %d not listed, %d unknown of %d lists)",
                report.target().text(), report.overall().code(), report.with(Verdict.LISTED).size(),
                report.with(Verdict.NOT_LISTED).size(), report.with(Verdict.UNKNOWN).size(), report.results().size()));
        for (ListResult r : report.results()) {
            out.line(String.format(Locale.ROOT, "  %-10s %-18s %s", r.verdict().code().toUpperCase(Locale.ROOT),
                    r.list().id(), r.explanation()));
            if (r.verdict() == Verdict.LISTED) {
                out.line(String.format(Locale.ROOT, "  %-10s %-18s delisting: %s", "", "", r.list().delisting()));
            }
        }
        for (BlocklistReport.Skipped s : report.skipped()) {
            out.line(String.format(Locale.ROOT, "  %-10s %-18s %s", "SKIPPED", s.list().id(), s.why()));
        }
    }
}
