package org.maildoctor.cli;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.maildoctor.dns.DnsNameException;
import org.maildoctor.dns.DnsNames;
import org.maildoctor.dns.DnsRecord;
import org.maildoctor.dns.DnsResult;
import org.maildoctor.dns.RecordType;
import org.maildoctor.dns.dnsjava.DnsjavaResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code maildoctor dns NAME [TYPE]}: one lookup through maildoctor's own resolver, as the checks see it. */
@Command(name = "dns",
        description = {
            "Look up DNS records through maildoctor's resolver (CNAMEs followed, IDN names converted).",
            "Prints the records with their TTLs, or the outcome: NXDOMAIN / NODATA (exit 1),",
            "SERVFAIL / REFUSED / timeout / unreachable (exit 3).",
        })
public final class DnsCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "NAME",
            description = "Name to look up; an IP address with TYPE PTR (or no TYPE) asks for its reverse name.")
    String name;

    @Parameters(index = "1", paramLabel = "TYPE", arity = "0..1",
            description = "A, AAAA, MX, TXT, PTR, CNAME, NS, SOA or TLSA (default: A, or PTR for an IP address).")
    String type;

    @Override
    protected int run() {
        Optional<InetAddress> ip = DnsNames.parseIpLiteral(name);
        RecordType recordType;
        try {
            recordType = type != null ? RecordType.parse(type) : ip.isPresent() ? RecordType.PTR : RecordType.A;
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        String query;
        try {
            query = ip.isPresent() && recordType == RecordType.PTR
                    ? DnsNames.reverseName(ip.get())
                    : DnsNames.normalize(name);
        } catch (DnsNameException e) {
            throw CliException.usage(e.getMessage());
        }

        DnsjavaResolver resolver = Wiring.networkResolver(global);
        long t0 = System.nanoTime();
        DnsResult result = resolver.lookupNow(query, recordType);
        long elapsedMs = (System.nanoTime() - t0) / 1_000_000;

        Output out = output();
        if (global.json) {
            out.json(document(result, resolver.server(), elapsedMs));
        } else if (result instanceof DnsResult.Answer answer) {
            printTable(out, answer);
        } else if (result.isVoid()) {
            out.line(result.describe());
        }
        if (result.isFailure()) {
            throw CliException.runtime(result.describe());
        }
        return result.isVoid() ? ExitCode.PROBLEMS : ExitCode.OK;
    }

    private static void printTable(Output out, DnsResult.Answer answer) {
        List<DnsRecord> rows = new ArrayList<>(answer.cnameChain());
        rows.addAll(answer.records());
        int nameWidth = rows.stream().mapToInt(r -> DnsNames.absolute(r.name()).length()).max().orElse(0);
        int ttlWidth = rows.stream().mapToInt(r -> Long.toString(r.ttl()).length()).max().orElse(0);
        int typeWidth = rows.stream().mapToInt(r -> r.type().name().length()).max().orElse(0);
        for (DnsRecord r : rows) {
            out.line(String.format("%-" + nameWidth + "s  %" + ttlWidth + "d  %-" + typeWidth + "s  %s",
                    DnsNames.absolute(r.name()), r.ttl(), r.type(), r.value()));
        }
    }

    static Map<String, Object> document(DnsResult result, String server, long elapsedMs) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", result.name());
        doc.put("type", result.type().name());
        doc.put("outcome", result.outcome());
        doc.put("records", result.recordsOrEmpty().stream().map(DnsCommand::record).toList());
        List<DnsRecord.Cname> chain = switch (result) {
            case DnsResult.Answer a -> a.cnameChain();
            case DnsResult.NxDomain n -> n.cnameChain();
            case DnsResult.NoData n -> n.cnameChain();
            default -> List.of();
        };
        doc.put("cnameChain", chain.stream().map(DnsCommand::record).toList());
        doc.put("authenticData", result instanceof DnsResult.Answer a && a.authenticData());
        if (!(result instanceof DnsResult.Answer)) {
            doc.put("detail", result.describe());
        }
        doc.put("server", server);
        doc.put("elapsedMs", elapsedMs);
        return doc;
    }

    static Map<String, Object> record(DnsRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("ttl", r.ttl());
        m.put("type", r.type().name());
        m.put("value", r.value());
        switch (r) {
            case DnsRecord.A a -> m.put("address", a.address().getHostAddress());
            case DnsRecord.Aaaa a -> m.put("address", a.address().getHostAddress());
            case DnsRecord.Mx mx -> {
                m.put("preference", mx.preference());
                m.put("exchange", mx.exchange());
            }
            case DnsRecord.Txt t -> {
                m.put("text", t.text());
                m.put("strings", t.strings());
            }
            case DnsRecord.Spf t -> {
                m.put("text", t.text());
                m.put("strings", t.strings());
            }
            case DnsRecord.Ptr p -> m.put("target", p.target());
            case DnsRecord.Cname c -> m.put("target", c.target());
            case DnsRecord.Ns ns -> m.put("target", ns.target());
            case DnsRecord.Soa s -> {
                m.put("mname", s.mname());
                m.put("rname", s.rname());
                m.put("serial", s.serial());
                m.put("refresh", s.refresh());
                m.put("retry", s.retry());
                m.put("expire", s.expire());
                m.put("minimum", s.minimum());
            }
            case DnsRecord.Tlsa t -> {
                m.put("usage", t.usage());
                m.put("selector", t.selector());
                m.put("matchingType", t.matchingType());
                m.put("data", t.dataHex());
            }
        }
        return m;
    }
}
