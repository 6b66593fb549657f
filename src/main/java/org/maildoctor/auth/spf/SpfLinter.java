package org.maildoctor.auth.spf;

import org.maildoctor.model.Severity;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.maildoctor.dns.DnsNameException;
import org.maildoctor.dns.DnsNames;
import org.maildoctor.dns.DnsRecord;
import org.maildoctor.dns.DnsResult;
import org.maildoctor.dns.RecordType;
import org.maildoctor.dns.Resolver;
import org.maildoctor.model.AddressScope;
import org.maildoctor.model.IpRanges;

/**
 * Static analysis of a domain's SPF: walks the include/redirect tree without a message (no client
 * address), counts the DNS-querying terms per node and over the tree, and reports what receivers
 * will trip over.
 *
 * <p>Lookups run concurrently along the tree: each include and redirect target (and each a/mx/exists
 * void probe) is asked as soon as its parent record has answered, into a per-walk memo. The report is
 * then built by one sequential pass over the memoised answers, so findings, their order and the
 * node and probe caps are exactly those of a sequential walk, while the time is that of the
 * longest chain of dependent answers. The SPF RR type (99, deprecated by RFC 7208 3.1) is asked
 * beside the root's TXT and reported when present.
 */
public final class SpfLinter {
    /** RFC 1035 4.2.1: larger UDP answers are truncated without EDNS0. */
    static final int UDP_LIMIT = 512;
    /** RFC 1035 3.3: a character-string is at most 255 octets. */
    static final int MAX_STRING = 255;
    /** Stop walking after this many nodes: a hostile tree must not make us query forever. */
    static final int MAX_NODES = 60;
    /** Void-lookup probes (a/mx/exists targets) per walk; past this, terms are not probed. */
    static final int MAX_VOID_CHECKS = 40;

    private static final String RR_TYPE_UNANSWERED =
            "spf.rr-type: the SPF (type 99) query got no usable answer, so whether the deprecated type is published is unknown";

    private final Resolver resolver;
    private final Duration maxWait;

    private SpfLinter(Resolver resolver, Duration maxWait) {
        this.resolver = resolver;
        this.maxWait = maxWait;
    }

    public static SpfLinter using(Resolver resolver) {
        return new SpfLinter(resolver, SpfLimits.RFC7208.maxWaitPerLookup());
    }

    /** Walks the SPF tree of {@code domain}; never throws for DNS or record content. */
    public SpfReport inspect(String domain) {
        return inspect(domain, Optional.empty());
    }

    /**
     * Walks the tree of {@code recordText} as if it were published at {@code domain} (one TXT record,
     * split into 255-octet strings): what a record about to be published would cost, counted by the
     * same walk as {@link #inspect(String)}, so the two agree once it is published.
     */
    public SpfReport inspectRecord(String domain, String recordText) {
        return inspect(domain, Optional.of(recordText));
    }

    private SpfReport inspect(String domain, Optional<String> rootRecord) {
        String root;
        try {
            root = DnsNames.normalize(domain);
        } catch (DnsNameException e) {
            SpfFinding f = new SpfFinding(SpfCheck.NO_RECORD, Severity.ERROR, domain,
                    Quote.q(SpfVerifier.printable(domain)) + " is not a domain name: " + e.getMessage(),
                    "Check the spelling of the domain.");
            SpfTree t = new SpfTree(domain, "root", SpfTree.Status.NO_RECORD, Optional.empty(), 0, 0, List.of(),
                    List.of(f));
            return new SpfReport(domain, t, 0, 0, List.of(f), List.of());
        }
        Walk walk = new Walk(rootRecord);
        CompletableFuture<DnsResult> rrType = rootRecord.isPresent() ? null : walk.fetch(root, RecordType.SPF);
        walk.prefetch(root, rootRecord.map(text -> synthetic(root, text)));
        SpfTree tree = walk.node(root, "root", new LinkedHashSet<>(), true);
        List<SpfFinding> all = new ArrayList<>(tree.allFindings());
        if (tree.cumulativeLookups() > SpfLimits.RFC7208.maxDnsTerms()) {
            all.add(new SpfFinding(SpfCheck.LOOKUPS, Severity.ERROR, root,
                    "the SPF tree of " + root + " needs " + tree.cumulativeLookups()
                            + " DNS-querying terms (include, a, mx, ptr, exists, redirect); receivers stop at "
                            + SpfLimits.RFC7208.maxDnsTerms() + " and return permerror (RFC 7208 4.6.4), so mail"
                            + " from sources listed after that point fails SPF",
                    "Remove includes of services you no longer use, replace a/mx terms by ip4:/ip6: ranges,"
                            + " or delegate a part of the policy to a subdomain; keep the total at 10 or fewer."));
        }
        if (walk.voids > SpfLimits.RFC7208.maxVoidLookups()) {
            all.add(new SpfFinding(SpfCheck.VOID_LOOKUPS, Severity.ERROR, root,
                    walk.voids + " terms point at names that do not resolve; receivers stop after "
                            + SpfLimits.RFC7208.maxVoidLookups() + " such void lookups and return permerror (RFC 7208 4.6.4)",
                    "Remove the terms for names that no longer exist."));
        }
        List<String> notChecked = new ArrayList<>();
        if (rrType != null) {
            DnsResult r = rrType.join();
            if (r instanceof DnsResult.Answer a && !a.records(DnsRecord.Spf.class).isEmpty()) {
                all.add(new SpfFinding(SpfCheck.RR_TYPE, Severity.WARNING, root, root + " still publishes an SPF-type"
                        + " (99) record: RFC 7208 3.1 removed that type, receivers read only the TXT record, and a"
                        + " differing copy misleads whoever edits the zone (" + a.records(DnsRecord.Spf.class).stream()
                        .map(x -> Quote.q(x.text())).collect(Collectors.joining(", ")) + ")",
                        "Delete the type 99 record(s) at " + root + " and keep the TXT record only."));
            } else if (r.isFailure()) {
                notChecked.add(RR_TYPE_UNANSWERED + " (" + r.describe() + ")");
            }
        }
        return new SpfReport(root, tree, tree.cumulativeLookups(), walk.voids, all, notChecked);
    }

    private static DnsResult synthetic(String domain, String recordText) {
        return new DnsResult.Answer(domain, RecordType.TXT, List.of(DnsRecord.Txt.of(domain, 0,
                splitStrings(recordText))), List.of(), false);
    }

    /** State of one walk. */
    private final class Walk {
        int nodes;
        int voids;
        int voidChecks; // a 10,000-character record of a: terms must not cost thousands of lookups
        final Set<String> includedOnce = new HashSet<>();
        final Optional<String> rootRecord;
        /** Every answer of this walk, asked once, by name and type (a duplicate include costs no new query). */
        final Map<String, CompletableFuture<DnsResult>> asked = new ConcurrentHashMap<>();
        final Set<String> prefetched = ConcurrentHashMap.newKeySet();
        final AtomicInteger prefetchNodes = new AtomicInteger(MAX_NODES);
        final AtomicInteger prefetchProbes = new AtomicInteger(MAX_VOID_CHECKS);

        Walk(Optional<String> rootRecord) {
            this.rootRecord = rootRecord;
        }

        CompletableFuture<DnsResult> fetch(String name, RecordType type) {
            return asked.computeIfAbsent(name + "/" + type.code(), k -> {
                try {
                    return resolver.lookup(name, type).copy() // never complete a future shared through a cache
                            .completeOnTimeout(new DnsResult.Timeout(name, type, "resolver", maxWait),
                                    maxWait.toMillis(), TimeUnit.MILLISECONDS);
                } catch (DnsNameException e) {
                    return CompletableFuture.completedFuture(new DnsResult.NxDomain(name, type, List.of(),
                            Optional.empty()));
                }
            });
        }

        DnsResult lookup(String name, RecordType type) {
            return fetch(name, type).join();
        }

        /**
         * Asks for {@code domain}'s TXT (unless given) and, when it answers with one SPF record, for
         * everything that record makes the walk ask next, recursively. Only warms the memo: the
         * sequential pass decides what the answers mean.
         */
        void prefetch(String domain, Optional<DnsResult> given) {
            if (!prefetched.add(domain) || prefetchNodes.getAndDecrement() <= 0) {
                return;
            }
            CompletableFuture<DnsResult> txt = given.map(CompletableFuture::completedFuture)
                    .orElseGet(() -> fetch(domain, RecordType.TXT));
            txt.thenAccept(r -> {
                try {
                    fanOut(domain, r);
                } catch (RuntimeException ignored) {
                    // a prefetch is an optimisation; the sequential pass meets the same input and reports it
                }
            });
        }

        private void fanOut(String domain, DnsResult r) {
            if (!(r instanceof DnsResult.Answer a)) {
                return;
            }
            List<String> spf = a.records(DnsRecord.Txt.class).stream().map(DnsRecord.Txt::text)
                    .filter(SpfRecord::isSpfRecord).toList();
            if (spf.size() != 1 || !(SpfRecord.parse(spf.getFirst()) instanceof SpfParseResult.Parsed p)) {
                return;
            }
            for (Directive d : p.record().directives()) {
                switch (d.mechanism()) {
                    case Mechanism.Include inc -> target(inc.domain(), domain).ifPresent(t -> prefetch(t, Optional.empty()));
                    case Mechanism.A am -> probe(am.domain(), domain, RecordType.A, RecordType.AAAA);
                    case Mechanism.Mx mx -> probe(mx.domain(), domain, RecordType.MX, null);
                    case Mechanism.Exists ex -> probe(Optional.of(ex.domain()), domain, RecordType.A, null);
                    default -> {
                    }
                }
            }
            if (p.record().redirect().isPresent() && !p.record().hasAll()) {
                target(p.record().redirect().get().domain(), domain).ifPresent(t -> prefetch(t, Optional.empty()));
            }
        }

        /** The void probe of an a/mx/exists term: the second type only if the first finds nothing, as voidCheck does. */
        private void probe(Optional<MacroString> spec, String domain, RecordType first, RecordType second) {
            if (spec.isPresent() && spec.get().hasMacros() || prefetchProbes.getAndDecrement() <= 0) {
                return;
            }
            target(spec, domain).ifPresent(t -> fetch(t, first).thenAccept(r -> {
                if (second != null && r.isVoid()) {
                    fetch(t, second);
                }
            }));
        }

        private Optional<String> target(Optional<MacroString> spec, String domain) {
            if (spec.isEmpty()) {
                return Optional.of(domain);
            }
            return target(spec.get(), domain);
        }

        private Optional<String> target(MacroString spec, String domain) {
            if (spec.hasMacros()) {
                return Optional.empty();
            }
            try {
                return Optional.of(DnsNames.normalize(spec.source()));
            } catch (DnsNameException e) {
                return Optional.empty();
            }
        }

        SpfTree node(String domain, String via, LinkedHashSet<String> path, boolean isPolicyRoot) {
            List<SpfFinding> findings = new ArrayList<>();
            if (++nodes > MAX_NODES) {
                return leaf(domain, via, SpfTree.Status.TRUNCATED, findings);
            }
            DnsResult r = via.equals("root") && rootRecord.isPresent()
                    ? synthetic(domain, rootRecord.get())
                    : lookup(domain, RecordType.TXT);
            if (r.isFailure()) {
                findings.add(new SpfFinding(SpfCheck.DNS_FAILURE, Severity.ERROR, domain,
                        "could not fetch the TXT records of " + domain + ": " + r.describe()
                                + "; receivers get temperror and the tree below is unknown",
                        "Make sure every authoritative name server of " + domain + " answers TXT queries."));
                return leaf(domain, via, SpfTree.Status.DNS_FAILURE, findings);
            }
            List<DnsRecord.Txt> txts = r instanceof DnsResult.Answer a ? a.records(DnsRecord.Txt.class) : List.of();
            List<DnsRecord.Txt> spf = txts.stream().filter(t -> SpfRecord.isSpfRecord(t.text())).toList();
            if (spf.isEmpty()) {
                boolean root = via.equals("root");
                findings.add(new SpfFinding(root ? SpfCheck.NO_RECORD : SpfCheck.INCLUDE_UNREACHABLE,
                        root ? Severity.WARNING : Severity.ERROR, domain,
                        root ? domain + " publishes no SPF record (" + (r.isVoid() ? r.describe() : "no TXT record starts with v=spf1")
                                        + "); receivers get 'none' and cannot tell forged mail from yours"
                                : Quote.q(via) + " points at " + domain + ", which has no SPF record ("
                                        + (r.isVoid() ? r.describe() : "no TXT record starts with v=spf1")
                                        + "); receivers return permerror for the whole policy (RFC 7208 5.2, 6.1)",
                        root ? "Publish one TXT record such as \"v=spf1 mx -all\" listing the hosts that send for " + domain + "."
                                : "Remove " + Quote.q(via) + " or correct the domain name."));
                return leaf(domain, via, SpfTree.Status.NO_RECORD, findings);
            }
            sizeChecks(domain, txts, spf, findings);
            if (spf.size() > 1) {
                findings.add(new SpfFinding(SpfCheck.MULTIPLE_RECORDS, Severity.ERROR, domain,
                        domain + " publishes " + spf.size() + " SPF records; receivers return permerror when there"
                                + " is more than one (RFC 7208 4.5)",
                        "Merge them into one TXT record starting with v=spf1 and delete the others."));
                return new SpfTree(domain, via, SpfTree.Status.MULTIPLE_RECORDS,
                        Optional.of(String.join(" | ", spf.stream().map(DnsRecord.Txt::text).toList())), 0, 0,
                        List.of(), findings);
            }
            String text = spf.getFirst().text();
            SpfRecord record;
            switch (SpfRecord.parse(text)) {
                case SpfParseResult.SyntaxError e -> {
                    findings.add(new SpfFinding(SpfCheck.SYNTAX, Severity.ERROR, domain,
                            "the SPF record of " + domain + " is invalid: " + e.describe()
                                    + "; receivers return permerror (RFC 7208 4.6)",
                            "Correct the term; check spelling, the ':' after mechanism names and address syntax."));
                    return new SpfTree(domain, via, SpfTree.Status.SYNTAX_ERROR, Optional.of(text), 0, 0, List.of(),
                            findings);
                }
                case SpfParseResult.Parsed p -> record = p.record();
            }
            recordChecks(domain, record, isPolicyRoot, findings);
            path.add(domain);
            List<SpfTree> children = new ArrayList<>();
            for (Directive d : record.directives()) {
                if (d.mechanism() instanceof Mechanism.Include inc) {
                    children.add(child(domain, inc.domain(), d.text(), path, findings, false));
                } else {
                    voidCheck(domain, d, findings);
                }
            }
            if (record.redirect().isPresent() && !record.hasAll()) {
                Modifier.Redirect red = record.redirect().get();
                children.add(child(domain, red.domain(), red.text(), path, findings, isPolicyRoot));
            }
            path.remove(domain);
            int own = record.dnsTermCount();
            int cumulative = own + children.stream().mapToInt(SpfTree::cumulativeLookups).sum();
            return new SpfTree(domain, via, SpfTree.Status.OK, Optional.of(text), own, cumulative, children, findings);
        }

        private SpfTree child(String parent, MacroString spec, String via, LinkedHashSet<String> path,
                              List<SpfFinding> parentFindings, boolean isPolicyRoot) {
            if (spec.hasMacros()) {
                SpfFinding f = new SpfFinding(SpfCheck.MACRO_NOT_FOLLOWED, Severity.INFO, parent,
                        Quote.q(via) + " depends on the message (macros), so its lookups are not counted here",
                        "Nothing to fix; test it with 'maildoctor spf check'.");
                return leaf(spec.source(), via, SpfTree.Status.NOT_FOLLOWED, List.of(f));
            }
            String target;
            try {
                target = DnsNames.normalize(spec.source());
            } catch (DnsNameException e) {
                SpfFinding f = new SpfFinding(SpfCheck.INCLUDE_UNREACHABLE, Severity.ERROR, parent,
                        Quote.q(via) + " names an invalid domain: " + e.getMessage(), "Correct the domain name.");
                return leaf(spec.source(), via, SpfTree.Status.NO_RECORD, List.of(f));
            }
            if (path.contains(target)) {
                SpfFinding f = new SpfFinding(SpfCheck.INCLUDE_LOOP, Severity.ERROR, parent,
                        Quote.q(via) + " loops back to " + target + " (path: " + String.join(" -> ", path) + " -> "
                                + target + "); evaluation runs until the 10-lookup limit and returns permerror",
                        "Remove the include or redirect that points back up the tree.");
                return leaf(target, via, SpfTree.Status.LOOP, List.of(f));
            }
            if (!includedOnce.add(target)) {
                parentFindings.add(new SpfFinding(SpfCheck.DUPLICATE, Severity.WARNING, parent,
                        target + " is reached more than once in the tree; every occurrence costs its lookups again",
                        "Include " + target + " only once."));
            }
            return node(target, via, path, isPolicyRoot);
        }

        /** a/mx/exists with a fixed target that resolves to nothing: a void lookup for every message. */
        private void voidCheck(String domain, Directive d, List<SpfFinding> findings) {
            Optional<MacroString> spec;
            RecordType[] types;
            switch (d.mechanism()) {
                case Mechanism.A a -> {
                    spec = a.domain();
                    types = new RecordType[] {RecordType.A, RecordType.AAAA};
                }
                case Mechanism.Mx mx -> {
                    spec = mx.domain();
                    types = new RecordType[] {RecordType.MX};
                }
                case Mechanism.Exists ex -> {
                    spec = Optional.of(ex.domain());
                    types = new RecordType[] {RecordType.A};
                }
                default -> {
                    return;
                }
            }
            if (spec.isPresent() && spec.get().hasMacros() || ++voidChecks > MAX_VOID_CHECKS) {
                return;
            }
            String target;
            try {
                target = spec.map(s -> DnsNames.normalize(s.source())).orElse(domain);
            } catch (DnsNameException e) {
                return;
            }
            boolean allVoid = true;
            String described = "";
            for (RecordType t : types) {
                DnsResult r = lookup(target, t);
                if (!r.isVoid()) {
                    allVoid = false;
                    break;
                }
                described = r.describe();
            }
            if (allVoid) {
                voids++;
                findings.add(new SpfFinding(SpfCheck.VOID_LOOKUPS, Severity.WARNING, domain,
                        Quote.q(d.text()) + " finds nothing (" + described + "): a void lookup on every check;"
                                + " a third one makes the policy permerror (RFC 7208 4.6.4)",
                        "Remove " + Quote.q(d.text()) + " or publish the records it expects."));
            }
        }

        private SpfTree leaf(String domain, String via, SpfTree.Status status, List<SpfFinding> findings) {
            return new SpfTree(domain, via, status, Optional.empty(), 0, 0, List.of(), findings);
        }
    }

    /** A record as character-strings of at most 255 octets (RFC 1035 3.3; RFC 7208 3.3 joins them). */
    public static List<String> splitStrings(String record) {
        List<String> out = new ArrayList<>();
        byte[] bytes = record.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        while (start < bytes.length) {
            int end = Math.min(bytes.length, start + MAX_STRING);
            while (end < bytes.length && (bytes[end] & 0xC0) == 0x80) {
                end--; // never split inside a UTF-8 sequence
            }
            out.add(new String(bytes, start, end - start, StandardCharsets.UTF_8));
            start = end;
        }
        return out.isEmpty() ? List.of("") : out;
    }

    /** Character-strings over 255 octets and TXT answers that do not fit a 512-byte UDP message. */
    private static void sizeChecks(String domain, List<DnsRecord.Txt> txts, List<DnsRecord.Txt> spf,
                                   List<SpfFinding> findings) {
        for (DnsRecord.Txt t : spf) {
            for (String s : t.strings()) {
                int octets = s.getBytes(StandardCharsets.UTF_8).length;
                if (octets > MAX_STRING) {
                    findings.add(new SpfFinding(SpfCheck.STRING_TOO_LONG, Severity.ERROR, domain,
                            "a character-string of the SPF record is " + octets + " octets; DNS allows at most "
                                    + MAX_STRING + " per string (RFC 1035 3.3, RFC 7208 3.3)",
                            "Split the record into several quoted strings of at most 255 characters each:"
                                    + " \"v=spf1 ... \" \"...\"; receivers join them without a space."));
                }
            }
        }
        int size = estimatedResponseSize(domain, txts);
        if (size > UDP_LIMIT) {
            findings.add(new SpfFinding(SpfCheck.TXT_TOO_LARGE, Severity.WARNING, domain,
                    "the TXT answer for " + domain + " is about " + size + " bytes, over the " + UDP_LIMIT
                            + "-byte UDP limit; receivers must retry over TCP or use EDNS0, and some fail"
                            + " with temperror (RFC 7208 3.4)",
                    "Shorten the SPF record (fewer terms, ip4 ranges instead of many addresses) or remove"
                            + " unused TXT records at " + domain + "."));
        }
    }

    /** DNS message size of a TXT answer: header, question, and each RR with its strings (RFC 1035 4.1). */
    static int estimatedResponseSize(String domain, List<DnsRecord.Txt> txts) {
        int name = domain.length() + 2;
        int size = 12 + name + 4;
        for (DnsRecord.Txt t : txts) {
            size += 2 + 10; // compressed owner, type, class, TTL, RDLENGTH
            for (String s : t.strings()) {
                size += 1 + s.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return size;
    }

    /** Checks of one parsed record. */
    static void recordChecks(String domain, SpfRecord record, boolean isPolicyRoot, List<SpfFinding> findings) {
        Optional<Directive> all = record.directives().stream()
                .filter(d -> d.mechanism() instanceof Mechanism.All).findFirst();
        if (all.isPresent()) {
            Qualifier q = all.get().qualifier();
            if (q == Qualifier.PASS) {
                findings.add(new SpfFinding(SpfCheck.ALL_PASS, Severity.ERROR, domain,
                        Quote.q(all.get().text()) + " authorises every host on the Internet to send as " + domain,
                        "End the record with -all (or ~all while testing)."));
            } else if (q == Qualifier.NEUTRAL) {
                findings.add(new SpfFinding(SpfCheck.ALL_NEUTRAL, Severity.WARNING, domain,
                        Quote.q(all.get().text()) + " says nothing about other hosts, so forged mail is 'neutral'",
                        "End the record with -all (or ~all while testing)."));
            }
            if (record.redirect().isPresent()) {
                findings.add(new SpfFinding(SpfCheck.REDIRECT_IGNORED, Severity.WARNING, domain,
                        Quote.q(record.redirect().get().text()) + " is ignored because the record has 'all' (RFC 7208 6.1)",
                        "Remove either the redirect or the all mechanism."));
            }
        } else if (isPolicyRoot && record.redirect().isEmpty()) {
            findings.add(new SpfFinding(SpfCheck.NO_ALL, Severity.WARNING, domain,
                    "the record has no 'all' and no redirect, so hosts it does not list get 'neutral' (RFC 7208 4.7)",
                    "End the record with -all (or ~all while testing)."));
        }
        Set<String> seen = new HashSet<>();
        List<Mechanism> networks = new ArrayList<>();
        for (Directive d : record.directives()) {
            Mechanism m = d.mechanism();
            if (m instanceof Mechanism.Ptr) {
                findings.add(new SpfFinding(SpfCheck.PTR, Severity.WARNING, domain,
                        Quote.q(d.text()) + " is deprecated: it is slow, unreliable and \"SHOULD NOT be published\""
                                + " (RFC 7208 5.5); large receivers may skip it",
                        "Replace it with the ip4:/ip6: ranges or a:/mx: names of your senders."));
            }
            if (!seen.add(m.text().toLowerCase(Locale.ROOT))) {
                findings.add(new SpfFinding(SpfCheck.DUPLICATE, Severity.WARNING, domain,
                        Quote.q(m.text()) + " appears more than once in the record of " + domain
                                + (m.queriesDns() ? "; each copy costs a DNS lookup" : ""),
                        "Keep one " + Quote.q(m.text()) + "."));
            }
            if (m instanceof Mechanism.Ip4 || m instanceof Mechanism.Ip6) {
                reservedRange(m).ifPresent(why -> findings.add(new SpfFinding(SpfCheck.PRIVATE_IP, Severity.WARNING,
                        domain, Quote.q(m.text()) + " is " + why + "; it never appears as a client on the Internet",
                        "Remove it, or list the public address your mail leaves from.")));
                if (isBroad(m) && reservedRange(m).isEmpty()) {
                    findings.add(new SpfFinding(SpfCheck.BROAD_RANGE, Severity.ERROR, domain,
                            Quote.q(m.text()) + " authorises a large share of the Internet, almost like +all",
                            "List the addresses or ranges your mail actually leaves from."));
                }
                networks.add(m);
            }
        }
        overlaps(domain, networks, findings);
    }

    private static void overlaps(String domain, List<Mechanism> networks, List<SpfFinding> findings) {
        for (int i = 0; i < networks.size(); i++) {
            for (int j = 0; j < networks.size(); j++) {
                if (i == j) {
                    continue;
                }
                Mechanism a = networks.get(i);
                Mechanism b = networks.get(j);
                if (a.text().equalsIgnoreCase(b.text())) {
                    continue; // reported as a duplicate
                }
                if (within(a, b) && (!within(b, a) || i > j)) {
                    findings.add(new SpfFinding(SpfCheck.OVERLAP, Severity.INFO, domain,
                            Quote.q(a.text()) + " is already covered by " + Quote.q(b.text()),
                            "Remove " + Quote.q(a.text()) + "."));
                    break;
                }
            }
        }
    }

    /** Whether network {@code a} lies entirely inside network {@code b}. */
    private static boolean within(Mechanism a, Mechanism b) {
        InetAddress an = network(a);
        InetAddress bn = network(b);
        int ap = prefix(a);
        int bp = prefix(b);
        return an.getAddress().length == bn.getAddress().length && ap >= bp && Ips.contains(bn, bp, an);
    }

    private static InetAddress network(Mechanism m) {
        return m instanceof Mechanism.Ip4 v4 ? v4.network() : ((Mechanism.Ip6) m).network();
    }

    private static int prefix(Mechanism m) {
        return m instanceof Mechanism.Ip4 v4 ? v4.prefix() : ((Mechanism.Ip6) m).prefix();
    }

    /**
     * A range that lies inside one special-purpose block (private, loopback, link-local,
     * documentation, ...: {@link IpRanges}, the IANA registries): its first and last addresses have
     * the same non-public scope. Wide ranges that are not inside one block are {@link SpfCheck#BROAD_RANGE}.
     */
    static Optional<String> reservedRange(Mechanism m) {
        InetAddress first = network(m);
        AddressScope scope = IpRanges.scope(first);
        if (scope.isPublic() || IpRanges.scope(last(first, prefix(m))) != scope) {
            return Optional.empty();
        }
        return Optional.of(scope.description());
    }

    /** Wider than an IPv4 /8 or an IPv6 /16: a large share of the Internet, close to {@code +all}. */
    static boolean isBroad(Mechanism m) {
        return network(m) instanceof Inet4Address ? prefix(m) < 8 : prefix(m) < 16;
    }

    private static InetAddress last(InetAddress network, int prefix) {
        byte[] b = network.getAddress();
        for (int bit = prefix; bit < b.length * 8; bit++) {
            b[bit / 8] |= (byte) (0x80 >>> (bit % 8));
        }
        try {
            return InetAddress.getByAddress(b);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e); // 4 or 16 bytes: cannot happen
        }
    }
}
