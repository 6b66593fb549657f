package org.maildoctor.generate;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.maildoctor.auth.spf.Directive;
import org.maildoctor.auth.spf.Mechanism;
import org.maildoctor.auth.spf.Qualifier;
import org.maildoctor.model.Severity;
import org.maildoctor.auth.spf.SpfLimits;
import org.maildoctor.auth.spf.SpfLinter;
import org.maildoctor.auth.spf.SpfParseResult;
import org.maildoctor.auth.spf.SpfRecord;
import org.maildoctor.auth.spf.SpfReport;
import org.maildoctor.auth.spf.SpfTree;
import org.maildoctor.dns.DnsNameException;
import org.maildoctor.dns.DnsNames;
import org.maildoctor.dns.DnsRecord;
import org.maildoctor.dns.DnsResult;
import org.maildoctor.dns.RecordType;
import org.maildoctor.dns.Resolver;

/**
 * Builds an SPF record from {@link SpfChoices}, counts its DNS lookups with {@link SpfLinter}'s
 * include-tree walk (the count {@code spf show} gives once the record is published), and over 10
 * proposes which includes to flatten into ip4/ip6 ranges.
 */
public final class SpfGenerator {
    private static final int LIMIT = SpfLimits.RFC7208.maxDnsTerms();
    /** The linter blocks on its lookups; a virtual thread per proposal keeps callers responsive. */
    private static final ExecutorService WALKERS = Executors.newVirtualThreadPerTaskExecutor();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Resolver resolver;

    public SpfGenerator(Resolver resolver) {
        this.resolver = resolver;
    }

    /**
     * The record text: {@code v=spf1}, then a/mx, the ip4/ip6 terms (no lookups, so cheap matches come
     * first), the includes, and {@code all} with the chosen qualifier.
     *
     * @throws IllegalArgumentException with a message fit for the user when a choice is not valid
     */
    public static String build(SpfChoices c) {
        normalizedDomain(c.domain());
        List<String> terms = new ArrayList<>();
        terms.add("v=spf1");
        if (c.a()) {
            terms.add("a");
        }
        if (c.mx()) {
            terms.add("mx");
        }
        for (String ip : c.ip4()) {
            terms.add("ip4:" + network(ip, true));
        }
        for (String ip : c.ip6()) {
            terms.add("ip6:" + network(ip, false));
        }
        Set<String> includes = new LinkedHashSet<>();
        c.providers().forEach(p -> includes.add(p.include()));
        for (String inc : c.includes()) {
            if (!inc.isBlank()) {
                includes.add(normalizedDomain(inc.strip().replaceFirst("(?i)^include:", "")));
            }
        }
        includes.forEach(i -> terms.add("include:" + i));
        terms.add(c.all() == Qualifier.PASS ? "+all" : c.all().symbol() + "all");
        if (c.all() == Qualifier.PASS) {
            throw new IllegalArgumentException("+all would authorise every host on the Internet; choose -all or ~all");
        }
        String record = String.join(" ", terms);
        if (SpfRecord.parse(record) instanceof SpfParseResult.SyntaxError e) {
            throw new IllegalArgumentException("the record would not be valid SPF: " + e.describe());
        }
        return record;
    }

    /** Builds the record and counts it; the future completes when the include tree has been walked. */
    public CompletableFuture<SpfProposal> propose(SpfChoices choices) {
        String record = build(choices);
        String domain = normalizedDomain(choices.domain());
        return CompletableFuture.supplyAsync(() -> proposal(domain, record, choices), WALKERS);
    }

    private SpfProposal proposal(String domain, String record, SpfChoices choices) {
        SpfReport report = SpfLinter.using(resolver).inspectRecord(domain, record);
        List<String> notes = new ArrayList<>();
        for (SpfProvider p : choices.providers()) {
            p.note().ifPresent(n -> notes.add(p.label() + ": " + n));
        }
        Optional<Flattening> flattening = report.totalLookups() > LIMIT
                ? Optional.of(flatten(domain, record, report.tree(), report.totalLookups()))
                : Optional.empty();
        return new SpfProposal(domain, TxtRecord.of(domain, record), report.totalLookups(), report.voidLookups(),
                report.tree(), report.atLeast(Severity.WARNING), notes, flattening);
    }

    /**
     * The flattening proposal for a record about to be published at {@code domain} (blocking: walks
     * the include tree); empty when the record is within 10 lookups.
     */
    public Optional<Flattening> flatteningOf(String domain, String record) {
        SpfReport report = SpfLinter.using(resolver).inspectRecord(domain, record);
        return report.totalLookups() > LIMIT
                ? Optional.of(flatten(domain, record, report.tree(), report.totalLookups()))
                : Optional.empty();
    }

    /**
     * Replaces the most expensive top-level includes by their current ranges until the count fits,
     * skipping those that cannot be expressed as ranges.
     */
    private Flattening flatten(String domain, String record, SpfTree tree, int total) {
        List<SpfTree> includes = tree.children().stream().filter(c -> c.via().startsWith("include:"))
                .sorted(Comparator.comparingInt(SpfTree::cumulativeLookups).reversed()).toList();
        List<String> flattened = new ArrayList<>();
        List<String> notFlattened = new ArrayList<>();
        java.util.Map<String, List<String>> rangesOf = new java.util.HashMap<>();
        int remaining = total;
        for (SpfTree inc : includes) {
            if (remaining <= LIMIT) {
                break;
            }
            List<String> why = new ArrayList<>();
            Set<String> ranges = new LinkedHashSet<>();
            collect(inc, ranges, why);
            if (!why.isEmpty()) {
                notFlattened.add(inc.domain() + ": " + why.getFirst());
                continue;
            }
            flattened.add(inc.domain());
            rangesOf.put(inc.via(), List.copyOf(ranges));
            remaining -= 1 + inc.cumulativeLookups();
        }
        SpfRecord parsed = ((SpfParseResult.Parsed) SpfRecord.parse(record)).record();
        List<String> terms = new ArrayList<>();
        terms.add("v=spf1");
        Set<String> allRanges = new LinkedHashSet<>();
        for (Directive d : parsed.directives()) {
            List<String> r = rangesOf.get(d.text());
            if (r == null) {
                terms.add(d.text());
            } else {
                for (String range : r) {
                    if (allRanges.add(range)) {
                        terms.add(range);
                    }
                }
            }
        }
        String flat = String.join(" ", terms);
        SpfReport after = SpfLinter.using(resolver).inspectRecord(domain, flat);
        return new Flattening(flattened, List.copyOf(allRanges), TxtRecord.of(domain, flat), after.totalLookups(),
                notFlattened, Flattening.CAVEAT);
    }

    /** The pass ranges a subtree authorises today; {@code why} gets a reason when it has anything else. */
    private void collect(SpfTree node, Set<String> ranges, List<String> why) {
        if (node.status() != SpfTree.Status.OK || node.record().isEmpty()) {
            why.add(node.domain() + " could not be resolved completely (" + node.status().name()
                    .toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
            return;
        }
        if (!(SpfRecord.parse(node.record().get()) instanceof SpfParseResult.Parsed p)) {
            why.add(node.domain() + " has an invalid record");
            return;
        }
        for (Directive d : p.record().directives()) {
            Mechanism m = d.mechanism();
            if (m instanceof Mechanism.All) {
                if (d.qualifier() == Qualifier.PASS) {
                    why.add(node.domain() + " ends with +all");
                }
                return; // 'all' ends evaluation of this record
            }
            if (d.qualifier() != Qualifier.PASS && !(m instanceof Mechanism.Include)) {
                why.add(Quote.of(d.text()) + " in " + node.domain() + " is not a pass term; ranges cannot express it");
                return;
            }
            switch (m) {
                case Mechanism.Ip4 ip -> ranges.add(m.text());
                case Mechanism.Ip6 ip -> ranges.add(m.text());
                case Mechanism.Include inc -> {
                    Optional<SpfTree> child = node.children().stream().filter(c -> c.via().equals(d.text())).findFirst();
                    if (child.isEmpty()) {
                        why.add(Quote.of(d.text()) + " in " + node.domain() + " was not followed");
                        return;
                    }
                    if (d.qualifier() != Qualifier.PASS) {
                        why.add(Quote.of(d.text()) + " in " + node.domain() + " is not a pass term");
                        return;
                    }
                    collect(child.get(), ranges, why);
                }
                case Mechanism.A a when a.domain().map(s -> !s.hasMacros()).orElse(true) ->
                        addresses(a.domain().map(s -> s.source()).orElse(node.domain()), a.cidr(), false, ranges, why);
                case Mechanism.Mx mx when mx.domain().map(s -> !s.hasMacros()).orElse(true) ->
                        addresses(mx.domain().map(s -> s.source()).orElse(node.domain()), mx.cidr(), true, ranges, why);
                default -> why.add(Quote.of(d.text()) + " in " + node.domain()
                        + " depends on the message or on reverse DNS; it cannot be written as ranges");
            }
            if (!why.isEmpty()) {
                return;
            }
        }
        if (p.record().redirect().isPresent()) {
            String via = p.record().redirect().get().text();
            node.children().stream().filter(c -> c.via().equals(via)).findFirst()
                    .ifPresentOrElse(c -> collect(c, ranges, why), () -> why.add(via + " was not followed"));
        }
    }

    private void addresses(String name, Mechanism.DualCidr cidr, boolean viaMx, Set<String> ranges, List<String> why) {
        List<String> hosts = new ArrayList<>();
        if (viaMx) {
            DnsResult r = lookup(name, RecordType.MX);
            if (r.isFailure()) {
                why.add("MX of " + name + ": " + r.describe());
                return;
            }
            if (r instanceof DnsResult.Answer a) {
                a.records(DnsRecord.Mx.class).stream().filter(m -> !m.isNullMx()).forEach(m -> hosts.add(m.exchange()));
            }
        } else {
            hosts.add(name);
        }
        for (String host : hosts) {
            for (RecordType t : List.of(RecordType.A, RecordType.AAAA)) {
                DnsResult r = lookup(host, t);
                if (r.isFailure()) {
                    why.add(t + " of " + host + ": " + r.describe());
                    return;
                }
                if (r instanceof DnsResult.Answer a) {
                    for (DnsRecord rec : a.records()) {
                        if (rec instanceof DnsRecord.A v4) {
                            ranges.add("ip4:" + v4.address().getHostAddress() + (cidr.v4() < 32 ? "/" + cidr.v4() : ""));
                        } else if (rec instanceof DnsRecord.Aaaa v6) {
                            ranges.add("ip6:" + v6.address().getHostAddress() + (cidr.v6() < 128 ? "/" + cidr.v6() : ""));
                        }
                    }
                }
            }
        }
    }

    private DnsResult lookup(String name, RecordType type) {
        try {
            return resolver.lookup(name, type).copy()
                    .completeOnTimeout(new DnsResult.Timeout(name, type, "resolver", WAIT), WAIT.toMillis(),
                            TimeUnit.MILLISECONDS)
                    .join();
        } catch (DnsNameException e) {
            return new DnsResult.NxDomain(name, type, List.of(), Optional.empty());
        }
    }

    private static String normalizedDomain(String domain) {
        try {
            return DnsNames.normalize(domain);
        } catch (DnsNameException e) {
            throw new IllegalArgumentException("'" + domain + "' is not a domain name: " + e.getMessage());
        }
    }

    /** An address or CIDR range as the ip4:/ip6: term wants it; the prefix length is checked. */
    static String network(String text, boolean v4) {
        String t = text.strip();
        String[] parts = t.split("/", -1);
        Optional<InetAddress> ip = parts.length <= 2 ? DnsNames.parseIpLiteral(parts[0]) : Optional.empty();
        if (ip.isEmpty() || (v4 ? !(ip.get() instanceof Inet4Address) : !(ip.get() instanceof Inet6Address))) {
            throw new IllegalArgumentException("'" + text + "' is not an " + (v4 ? "IPv4" : "IPv6") + " address or range");
        }
        int max = v4 ? 32 : 128;
        if (parts.length == 2) {
            int prefix;
            try {
                prefix = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > max) {
                throw new IllegalArgumentException("'" + text + "': the prefix length must be 0 to " + max);
            }
            return ip.get().getHostAddress() + (prefix == max ? "" : "/" + prefix);
        }
        return ip.get().getHostAddress();
    }

    /** Local quoting, so the generator does not depend on the SPF package's internals. */
    private static final class Quote {
        static String of(String s) {
            return "'" + s + "'";
        }
    }
}
